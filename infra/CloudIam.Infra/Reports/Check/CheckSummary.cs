using CloudIam.Placement.Analysis;
using CloudIam.Placement.Design;
using CloudIam.Placement.Evaluation;
using CloudIam.Placement.Rules;

namespace CloudIam.Infra.Reports.Check;

/// <summary>The short sentences every human-readable check format shares.</summary>
public static class CheckSummary
{
    public static string VerdictLine(PolicyReport report)
    {
        var errors = report.Violations.Count(v => v.Severity == Severity.Error);
        var warnings = report.Violations.Length - errors;
        return report.Verdict == Verdict.Pass
            ? $"PASS ({warnings} warning(s), {report.Suppressed.Length} suppressed)"
            : $"FAIL ({errors} error(s), {warnings} warning(s), {report.Suppressed.Length} suppressed)";
    }

    public static string Witness(ResilienceDegree resilience) => resilience switch
    {
        { Degree: null } => $"no {ResilienceDegree.MaxSearched} simultaneous losses break it",
        { Degree: 0 } => "down already",
        _ => string.Join(" + ", resilience.Witness) + (resilience.Through is { } through ? $" (through {through})" : ""),
    };

    public static readonly string[] CapabilityHeaders = ["capability", "critical", "providers", "instances", "resilience degree", "witness", "verdict"];

    public static readonly string[] SuppressedHeaders = ["suppressed rule", "capability", "reason", "expires"];

    /// <summary>One row of the capability table of the Markdown and HTML reports, under <see cref="CapabilityHeaders"/>.</summary>
    public static IReadOnlyList<string> CapabilityRow(PolicyReport report, CapabilitySummary c) =>
    [
        c.Name, c.Critical ? "yes" : "no", string.Join(", ", c.Providers.DefaultIfEmpty("-")),
        c.InstanceCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        c.InstanceCount == 0 ? "-" : c.Resilience.ToString(), c.InstanceCount == 0 ? "no instance" : Witness(c.Resilience),
        CapabilityVerdict(report, c.Name),
    ];

    /// <summary>One row under <see cref="SuppressedHeaders"/>.</summary>
    public static IReadOnlyList<string> SuppressedRow(SuppressedViolation s) =>
        [s.Violation.Rule, s.Violation.Capability, s.By.Reason ?? "", Expiry(s) ?? "never"];

    /// <summary>"ok", or the rules the capability breaks.</summary>
    public static string CapabilityVerdict(PolicyReport report, string capability)
    {
        var rules = report.Violations.Where(v => v.Capability == capability).Select(v => v.Rule).Distinct().ToList();
        return rules.Count == 0 ? "ok" : string.Join(", ", rules);
    }

    /// <summary>One line about tagged capabilities no rule checks, or null when there are none.</summary>
    public static string? UndeclaredNote(PolicyReport report) => report.UndeclaredCapabilities.IsEmpty
        ? null
        : "note: resources carry capabilities the policy does not declare, so no rule checks them: "
            + string.Join(", ", report.UndeclaredCapabilities.Select(c => $"{c.Key} ({c.Value} resource{(c.Value == 1 ? "" : "s")})"));

    /// <summary>yyyy-MM-dd, or null for a suppression without expiry.</summary>
    public static string? Expiry(SuppressedViolation suppressed) =>
        suppressed.By.Expires?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"scw-par-alertmanager -> oncall: page after at most 4m30s (budget 5m) = gatus … 1m + …", one line per timed alert path (PL011).</summary>
    public static IEnumerable<string> TimeLines(PolicyReport report) => report.TimesToTarget.Select(time =>
        $"{time.Path.Name}: {(time.Path.Target == AlertTarget.Page ? "page" : "public status")} after at most {Durations.Format(time.Path.WorstCase)}"
        + (time.Budget is { } budget ? $" (budget {Durations.Format(budget)}{(time.WithinBudget ? "" : ", OVER")})" : "")
        + $" = {string.Join(" + ", time.Path.Steps.Select(step => $"{step.Setting} {Durations.Format(step.Worst)}"))}");
}
