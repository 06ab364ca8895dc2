using System.Text;
using CloudIam.Placement.Evaluation;

namespace CloudIam.Infra.Reports.Check;

/// <summary>
/// A Mermaid flowchart of the design: providers → regions → clusters → capabilities, failing
/// capabilities marked. GitLab and GitHub draw it in merge-request comments and Markdown files.
/// </summary>
public static class CheckMermaid
{
    public static void Append(StringBuilder text, PolicyReport report)
    {
        var failing = report.Violations.Where(v => v.Severity == Placement.Rules.Severity.Error)
            .GroupBy(v => v.Capability, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(v => v.Rule).Distinct().Order(StringComparer.Ordinal)), StringComparer.Ordinal);

        // Node ids are numbered in ordinal order of their path, so the same design draws the same text.
        var nodes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var edges = new SortedSet<(string From, string To)>();
        string Node(string path, string label)
        {
            nodes.TryAdd(path, label);
            return path;
        }

        foreach (var capability in report.Capabilities)
        {
            var target = Node($"capability:{capability.Name}", CapabilityLabel(capability.Name, failing));
            foreach (var instance in capability.Instances)
            {
                var provider = Node($"provider:{instance.Provider}", instance.Provider);
                var region = instance.Region is { } r ? Node($"region:{instance.Provider}/{r}", r) : provider;
                if (region != provider)
                {
                    edges.Add((provider, region));
                }

                var site = instance.Cluster is { } c ? Node($"cluster:{instance.Provider}/{instance.Region}/{c}", c) : region;
                if (site != region)
                {
                    edges.Add((region, site));
                }

                edges.Add((site, target));
            }
        }

        var ids = nodes.Keys.Select((path, i) => (path, i)).ToDictionary(p => p.path, p => $"n{p.i}", StringComparer.Ordinal);
        text.Append("```mermaid\nflowchart LR\n");
        foreach (var (path, label) in nodes)
        {
            var (open, close) = path.StartsWith("provider:", StringComparison.Ordinal) ? ("[[", "]]")
                : path.StartsWith("capability:", StringComparison.Ordinal) ? ("([", "])")
                : ("[", "]");
            text.Append("  ").Append(ids[path]).Append(open).Append('"').Append(Escape(label)).Append('"').Append(close).Append('\n');
        }

        foreach (var (from, to) in edges)
        {
            text.Append("  ").Append(ids[from]).Append(" --> ").Append(ids[to]).Append('\n');
        }

        text.Append("  classDef failing fill:#f8d7da,stroke:#b02a37,color:#58151c\n");
        text.Append("  classDef ok fill:#d1e7dd,stroke:#146c43,color:#0a3622\n");
        AppendClass(text, "failing", report.Capabilities.Where(c => failing.ContainsKey(c.Name)).Select(c => ids[$"capability:{c.Name}"]));
        AppendClass(text, "ok", report.Capabilities.Where(c => !failing.ContainsKey(c.Name)).Select(c => ids[$"capability:{c.Name}"]));
        text.Append("```\n\n");
    }

    private static string CapabilityLabel(string capability, Dictionary<string, string> failing) =>
        failing.TryGetValue(capability, out var rules) ? $"✗ {capability} ({rules})" : capability;

    private static void AppendClass(StringBuilder text, string name, IEnumerable<string> ids)
    {
        var list = ids.ToList();
        if (list.Count > 0)
        {
            text.Append("  class ").AppendJoin(',', list).Append(' ').Append(name).Append('\n');
        }
    }

    /// <summary>Mermaid labels are quoted; a quote inside one is written as its entity.</summary>
    private static string Escape(string label) => label.Replace("\"", "#quot;", StringComparison.Ordinal);
}
