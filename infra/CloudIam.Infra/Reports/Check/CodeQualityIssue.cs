using System.Text.Json.Serialization;

namespace CloudIam.Infra.Reports.Check;

/// <summary>
/// One entry of GitLab's code-quality report (a JSON array of these, built by <see cref="CheckCodeQuality"/>).
/// The serializer writes members in declaration order.
/// </summary>
public sealed record CodeQualityIssue(
    string Description,
    [property: JsonPropertyName("check_name")] string CheckName,
    string Fingerprint,
    string Severity,
    CodeQualityLocation Location);

public sealed record CodeQualityLocation(string Path, CodeQualityLines Lines);

public sealed record CodeQualityLines(int Begin);
