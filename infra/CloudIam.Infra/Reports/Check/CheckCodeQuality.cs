using CloudIam.Placement.Evaluation;

namespace CloudIam.Infra.Reports.Check;

/// <summary>GitLab's code-quality report: blocking violations are critical, warnings minor.</summary>
public static class CheckCodeQuality
{
    public static object Of(PolicyReport report, string location) => report.Violations.Select(ViolationView.Of).Select(v => new
    {
        description = $"{v.Rule} {v.Summary}",
        check_name = v.Rule,
        fingerprint = v.Fingerprint,
        severity = v.Blocking ? "critical" : "minor",
        location = new { path = location, lines = new { begin = 1 } },
    });
}
