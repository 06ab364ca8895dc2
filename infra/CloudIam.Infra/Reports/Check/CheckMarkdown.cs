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
        Markdown.AppendTable(text, CheckSummary.CapabilityHeaders, report.Capabilities.Select(c => CheckSummary.CapabilityRow(report, c)));
        foreach (var watched in report.Watched)
        {
            text.Append("- ").Append(WatchedText.Line(watched, status: false)).Append('\n');
        }

        text.Append(report.Watched.IsEmpty ? "" : "\n");
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

        if (!report.TimesToTarget.IsEmpty)
        {
            text.Append("Worst-case time from a deployment failing (PL011):\n\n");
            foreach (var line in CheckSummary.TimeLines(report))
            {
                text.Append("- ").Append(line).Append('\n');
            }

            text.Append('\n');
        }

        if (!report.Suppressed.IsEmpty)
        {
            Markdown.AppendTable(text, CheckSummary.SuppressedHeaders, report.Suppressed.Select(CheckSummary.SuppressedRow));
        }
    }
}
