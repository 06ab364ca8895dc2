using System.Globalization;
using CloudIam.Placement.Evaluation;
using Spectre.Console.Rendering;

namespace CloudIam.Infra.Reports.Check;

/// <summary>The terminal table of capabilities, then violations, suppressions and the verdict.</summary>
public static class CheckText
{
    /// <param name="sources">Named on the first line; empty when the caller has already named them (plan).</param>
    public static string Render(PolicyReport report, IReadOnlyList<string> sources)
    {
        var table = Terminal.Table("capability", "critical", "providers", "instances", "resilience", "verdict");
        foreach (var capability in report.Capabilities)
        {
            table.Row(
                capability.Name,
                capability.Critical ? "yes" : "no",
                string.Join(", ", capability.Providers.DefaultIfEmpty("-")),
                capability.Instances.Length.ToString(CultureInfo.InvariantCulture),
                capability.Instances.IsEmpty ? "-  no instance" : $"{capability.Resilience}  {CheckSummary.Witness(capability.Resilience)}",
                CheckSummary.CapabilityVerdict(report, capability.Name));
        }

        var lines = new List<IRenderable>();
        if (sources.Count > 0)
        {
            lines.Add(Terminal.Line($"design: {string.Join(" + ", sources)}"));
        }

        lines.Add(table);
        lines.AddRange(report.Watched.Select(w => Terminal.Line(WatchedText.Line(w, status: false))));
        foreach (var v in report.Violations.Select(ViolationView.Of))
        {
            lines.Add(Terminal.Line($"{v.Severity} {v.Rule} {v.Capability}: {v.Message}"));
            lines.Add(Terminal.Line($"    fix: {v.Suggestion}"));
        }

        foreach (var s in report.Suppressed)
        {
            lines.Add(Terminal.Line($"suppressed {s.Violation.Rule} {s.Violation.Capability}: {s.By.Reason}"));
        }

        if (CheckSummary.UndeclaredNote(report) is { } note)
        {
            lines.Add(Terminal.Line(note));
        }

        if (!report.TimesToTarget.IsEmpty)
        {
            lines.Add(Terminal.Line("Worst-case time from a deployment failing (PL011):"));
            lines.AddRange(CheckSummary.TimeLines(report).Select(line => Terminal.Line("  " + line)));
        }

        lines.Add(Terminal.Line(CheckSummary.VerdictLine(report)));
        return Terminal.Render([.. lines]);
    }
}
