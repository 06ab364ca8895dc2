using System.Globalization;
using System.Text;
using CloudIam.Placement.Evaluation;

namespace CloudIam.Infra.Reports.Check;

/// <summary>The verdict as GitHub/GitLab Markdown, opening with the Mermaid picture of the design.</summary>
public static class CheckMarkdown
{
    public static string Render(PolicyReport report)
    {
        var text = new StringBuilder();
        CheckMermaid.Append(text, report);
        Append(text, report);
        return text.ToString();
    }

    /// <summary>The capability table, violations and verdict; <c>plan</c> reuses it in report.md.</summary>
    public static void Append(StringBuilder text, PolicyReport report)
    {
        text.Append("### Placement policy: ").Append(CheckSummary.VerdictLine(report)).Append("\n\n");
        Markdown.AppendTable(
            text,
            ["capability", "critical", "providers", "instances", "resilience degree", "witness", "verdict"],
            report.Capabilities.Select(c => (IReadOnlyList<string>)
            [
                c.Name, c.Critical ? "yes" : "no", string.Join(", ", c.Providers.DefaultIfEmpty("-")),
                c.Instances.Length.ToString(CultureInfo.InvariantCulture),
                c.Instances.IsEmpty ? "-" : c.Resilience.ToString(), c.Instances.IsEmpty ? "no instance" : CheckSummary.Witness(c.Resilience),
                CheckSummary.CapabilityVerdict(report, c.Name),
            ]));
        if (!report.Violations.IsEmpty)
        {
            Markdown.AppendTable(
                text,
                ["rule", "capability", "severity", "domains", "problem", "suggestion"],
                report.Violations.Select(ViolationView.Of).Select(v => (IReadOnlyList<string>)
                [
                    v.Rule, v.Capability, v.Severity, string.Join(", ", v.Domains.Select(Markdown.Code)), v.Message, v.Suggestion,
                ]));
        }

        if (CheckSummary.UndeclaredNote(report) is { } note)
        {
            text.Append(note).Append("\n\n");
        }

        if (!report.Suppressed.IsEmpty)
        {
            Markdown.AppendTable(
                text,
                ["suppressed rule", "capability", "reason", "expires"],
                report.Suppressed.Select(s => (IReadOnlyList<string>)
                [
                    s.Violation.Rule, s.Violation.Capability, s.By.Reason ?? "", CheckSummary.Expiry(s) ?? "never",
                ]));
        }
    }
}
