using System.Collections.Immutable;
using CloudIam.Placement.Evaluation;

namespace CloudIam.Infra.Reports.Check;

/// <summary>GitLab's code-quality report: blocking violations are critical, warnings minor.</summary>
public static class CheckCodeQuality
{
    public static ImmutableArray<CodeQualityIssue> Of(PolicyReport report, string location) => [.. report.Violations.Select(ViolationView.Of).Select(v => new CodeQualityIssue(
        Description: $"{v.Rule} {v.Summary}",
        CheckName: v.Rule,
        Fingerprint: v.Fingerprint,
        Severity: v.Blocking ? "critical" : "minor",
        Location: new CodeQualityLocation(location, new CodeQualityLines(Begin: 1))))];
}
