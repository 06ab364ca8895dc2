using System.Text;
using CloudIam.Infra.Reports.Check;
using CloudIam.Placement.Analysis;
using CloudIam.Placement.Evaluation;
using CloudIam.Placement.Rules;

namespace CloudIam.Infra.Reports;

/// <summary>Renders a base → head placement diff, e.g. as a merge-request comment.</summary>
public static class DiffFormatter
{
    public static string Format(ReportDiff diff, OutputFormat format, string baseName, string headName) => format switch
    {
        OutputFormat.Json => Json(diff, baseName, headName),
        OutputFormat.Markdown => Markdown(diff, baseName, headName),
        OutputFormat.Text => Text(diff, baseName, headName),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "diff prints text, json or markdown"),
    };

    private static string Json(ReportDiff diff, string baseName, string headName) => ReportJson.Serialize(new DiffDocument(
        Base: baseName,
        Head: headName,
        Regression: diff.IsRegression,
        Capabilities: [.. diff.Capabilities.Where(c => c.Changed).Select(c => new CapabilityChangeEntry(
            Name: c.Name,
            Critical: c.Critical,
            Providers: new(c.ProvidersBefore, c.ProvidersAfter),
            Instances: new(c.InstancesBefore, c.InstancesAfter),
            Degree: new(c.DegreeBefore, c.DegreeAfter)))],
        Introduced: [.. diff.Introduced.Select(ViolationView.Json)],
        Resolved: [.. diff.Resolved.Select(ViolationView.Json)]));

    private static string Text(ReportDiff diff, string baseName, string headName)
    {
        var table = Terminal.Table("capability", "providers", "instances", "resilience degree");
        foreach (var change in diff.Capabilities.Where(c => c.Changed))
        {
            table.Row(change.Name, Providers(change), Arrow(change.InstancesBefore, change.InstancesAfter), Arrow(change.DegreeBefore, change.DegreeAfter));
        }

        var parts = new List<Spectre.Console.Rendering.IRenderable> { Terminal.Line($"placement diff {baseName} -> {headName}") };
        if (diff.Capabilities.Any(c => c.Changed))
        {
            parts.Add(table);
        }

        parts.AddRange(diff.Introduced.Select(v => Terminal.Line($"+ {v.Severity.ToString().ToLowerInvariant()} {v.Rule} {v.Capability}: {v.Message} (fix: {v.Suggestion})")));
        parts.AddRange(diff.Resolved.Select(v => Terminal.Line($"- fixed {v.Rule} {v.Capability}: {v.Message}")));
        parts.Add(Terminal.Line(Summary(diff)));
        return Terminal.Render([.. parts]);
    }

    private static string Markdown(ReportDiff diff, string baseName, string headName)
    {
        var text = new StringBuilder();
        text.Append("### Placement diff: ").Append(Reports.Markdown.Code(baseName)).Append(" → ").Append(Reports.Markdown.Code(headName)).Append("\n\n");
        if (diff.Capabilities.Any(c => c.Changed))
        {
            Reports.Markdown.AppendTable(
                text,
                ["capability", "providers", "instances", "resilience degree"],
                diff.Capabilities.Where(c => c.Changed).Select(c => (IReadOnlyList<string>)
                    [c.Name, Providers(c), Arrow(c.InstancesBefore, c.InstancesAfter), Arrow(c.DegreeBefore, c.DegreeAfter)]));
        }

        foreach (var v in diff.Introduced)
        {
            text.Append("- :x: **").Append(v.Rule).Append("** ").Append(v.Capability).Append(": ").Append(v.Message).Append(" — ").Append(v.Suggestion).Append('\n');
        }

        foreach (var v in diff.Resolved)
        {
            text.Append("- :white_check_mark: fixed **").Append(v.Rule).Append("** ").Append(v.Capability).Append(": ").Append(v.Message).Append('\n');
        }

        text.Append('\n').Append("**").Append(Summary(diff)).Append("**\n");
        return text.ToString();
    }

    private static string Summary(ReportDiff diff) => diff.IsRegression
        ? $"regression: {diff.Introduced.Count(v => v.Severity == Severity.Error)} new blocking violation(s), {diff.Capabilities.Count(c => c.Critical && c.LessResilient)} critical capability(ies) less resilient"
        : $"no regression ({diff.Introduced.Length} new finding(s), {diff.Resolved.Length} fixed)";

    private static string Providers(CapabilityChange change) =>
        change.ProvidersBefore.SequenceEqual(change.ProvidersAfter)
            ? string.Join(", ", change.ProvidersAfter)
            : $"{string.Join(", ", change.ProvidersBefore.DefaultIfEmpty("-"))} -> {string.Join(", ", change.ProvidersAfter.DefaultIfEmpty("-"))}";

    private static string Arrow(int? before, int? after) =>
        before == after ? ResilienceDegree.Show(after) : $"{ResilienceDegree.Show(before)} -> {ResilienceDegree.Show(after)}";
}
