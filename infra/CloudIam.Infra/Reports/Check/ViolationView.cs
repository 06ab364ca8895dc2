using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using CloudIam.Placement.Rules;

namespace CloudIam.Infra.Reports.Check;

/// <summary>
/// A violation as every report format shows it: one mapping, so the JSON, SARIF, JUnit, code-quality,
/// Markdown, HTML and diff reports cannot disagree on a violation's wording, severity or identity.
/// </summary>
public sealed record ViolationView
{
    public required string Rule { get; init; }

    public required string Capability { get; init; }

    /// <summary>"error" or "warning".</summary>
    public required string Severity { get; init; }

    public required bool Blocking { get; init; }

    public required ImmutableArray<string> Domains { get; init; }

    public required string Message { get; init; }

    public required string Suggestion { get; init; }

    /// <summary>Stable across runs and unrelated changes, so CI systems track one finding over commits.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The one-line description annotations carry.</summary>
    public string Summary => $"{Capability}: {Message}. Suggestion: {Suggestion}";

    public static ViolationView Of(Violation v) => new()
    {
        Rule = v.Rule,
        Capability = v.Capability,
        Severity = v.Severity.ToString().ToLowerInvariant(),
        Blocking = v.Severity == Placement.Rules.Severity.Error,
        Domains = v.Domains,
        Message = v.Message,
        Suggestion = v.Suggestion,
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{v.Rule}|{v.Capability}|{string.Join(",", v.Domains)}")))[..32],
    };

    /// <summary>The DESIGN §6 JSON shape of a violation, shared by <c>check</c>, <c>plan</c> and <c>diff</c>.</summary>
    public static ViolationEntry Json(Violation v)
    {
        var view = Of(v);
        return new(view.Rule, view.Capability, view.Severity, view.Domains, view.Message, view.Suggestion);
    }
}
