using System.Text.RegularExpressions;

namespace CloudIam.Infra.Tests;

/// <summary>
/// Dependencies between the namespaces of the three assemblies, read from their sources: every
/// <c>using CloudIam.…</c> and every fully qualified <c>CloudIam.…</c> name in code. Code sees its own and its
/// enclosing namespaces without a using, so a reference to an enclosing namespace is not an edge (the root
/// namespaces hold only <c>BadInputException</c>-like shared types). YamlDotNet is allowed in the placement
/// library: the policy file is YAML and read there.
/// </summary>
public sealed partial class ArchitectureTests
{
    private static readonly string[] SourceRoots = ["src/CloudIam.Placement", "src/CloudIam.Pulumi", "infra/CloudIam.Infra"];

    private static readonly Lazy<Dictionary<string, SortedSet<string>>> Graph = new(ReadGraph);

    /// <summary>(from, to, why): no namespace under <c>from</c> may refer to one under <c>to</c>.</summary>
    public static TheoryData<string, string, string> Forbidden => new()
    {
        { "CloudIam.Placement", "CloudIam.Pulumi", "the placement library knows nothing of Pulumi" },
        { "CloudIam.Placement", "CloudIam.Infra", "the placement library knows nothing of the program" },
        { "CloudIam.Pulumi", "CloudIam.Infra", "the Pulumi layer serves the program, not the reverse" },
        { "CloudIam.Infra.Components", "CloudIam.Infra.Platform.Aws", "tooling components are provider-neutral" },
        { "CloudIam.Infra.Components", "CloudIam.Infra.Platform.Scaleway", "tooling components are provider-neutral" },
        { "CloudIam.Infra.Platform.Aws", "CloudIam.Infra.Components", "a provider's platform does not know the tooling on it" },
        { "CloudIam.Infra.Platform.Scaleway", "CloudIam.Infra.Components", "a provider's platform does not know the tooling on it" },
        { "CloudIam.Infra.Platform.Aws", "CloudIam.Infra.Platform.Scaleway", "providers' platforms are independent" },
        { "CloudIam.Infra.Platform.Scaleway", "CloudIam.Infra.Platform.Aws", "providers' platforms are independent" },
        { "CloudIam.Infra.Stacks", "CloudIam.Infra.Platform", "stack config binding is independent of the site catalog" },
    };

    [Fact]
    public void Reads_every_namespace_of_the_three_assemblies()
    {
        Assert.Contains("CloudIam.Placement.Rules", Graph.Value.Keys);
        Assert.Contains("CloudIam.Pulumi.Providers", Graph.Value.Keys);
        Assert.Contains("CloudIam.Infra.Platform.Scaleway", Graph.Value.Keys);
        Assert.Contains("CloudIam.Placement.Policy", Graph.Value["CloudIam.Placement.Rules"]);
    }

    [Fact]
    public void No_namespace_cycle() => Assert.Null(CycleFinder.Find(Graph.Value));

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void No_forbidden_reference(string from, string to, string why)
    {
        var offending = Graph.Value
            .Where(entry => Under(entry.Key, from))
            .SelectMany(entry => entry.Value.Where(target => Under(target, to)).Select(target => $"{entry.Key} -> {target}"));

        Assert.True(!offending.Any(), $"{why}: {string.Join(", ", offending)}");
    }

    [Fact]
    public void The_cycle_finder_finds_an_injected_cycle()
    {
        var graph = Graph.Value.ToDictionary(entry => entry.Key, entry => new SortedSet<string>(entry.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        graph["CloudIam.Placement.Policy"].Add("CloudIam.Placement.Rules");

        var cycle = CycleFinder.Find(graph);

        Assert.NotNull(cycle);
        Assert.Equal(cycle[0], cycle[^1]);
        Assert.Contains("CloudIam.Placement.Policy", cycle);
        Assert.Contains("CloudIam.Placement.Rules", cycle);
        Assert.All(cycle.Zip(cycle.Skip(1)), edge => Assert.Contains(edge.Second, graph[edge.First]));
    }

    [Theory]
    [InlineData("a>b b>c c>a", "a b c a")]
    [InlineData("a>b b>c a>c", null)]
    [InlineData("a>a", "a a")]
    [InlineData("a>b b>c c>d d>b", "b c d b")]
    public void The_cycle_finder_on_synthetic_graphs(string edges, string? expected)
    {
        var graph = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var edge in edges.Split(' '))
        {
            var (from, to) = (edge.Split('>')[0], edge.Split('>')[1]);
            graph.TryAdd(from, new SortedSet<string>(StringComparer.Ordinal));
            graph.TryAdd(to, new SortedSet<string>(StringComparer.Ordinal));
            graph[from].Add(to);
        }

        Assert.Equal(expected, CycleFinder.Find(graph) is { } cycle ? string.Join(' ', cycle) : null);
    }

    private static bool Under(string name, string prefix) => name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal);

    private static Dictionary<string, SortedSet<string>> ReadGraph()
    {
        var files = SourceRoots
            .SelectMany(root => Directory.EnumerateFiles(Path.Combine(Repository.Root, root), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(file => (Text: File.ReadAllText(file), Namespace: NamespacePattern().Match(File.ReadAllText(file)).Groups[1].Value))
            .Where(file => file.Namespace.Length > 0)
            .ToList();
        var namespaces = files.Select(file => file.Namespace).ToHashSet(StringComparer.Ordinal);
        var graph = namespaces.ToDictionary(name => name, _ => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (text, from) in files)
        {
            foreach (Match reference in ReferencePattern().Matches(CommentPattern().Replace(text, "")))
            {
                // The longest declared namespace the name starts with: a type, static class or namespace.
                var target = namespaces.Where(name => Under(reference.Value, name)).MaxBy(name => name.Length);
                if (target is not null && target != from && !Under(from, target))
                {
                    graph[from].Add(target);
                }
            }
        }

        return graph;
    }

    [GeneratedRegex(@"^namespace (CloudIam[\w.]*)", RegexOptions.Multiline)]
    private static partial Regex NamespacePattern();

    [GeneratedRegex(@"(?<![\w.])CloudIam(?:\.\w+)+")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex CommentPattern();

    /// <summary>A cycle in a directed graph, as the path that closes it (first node repeated last), or null.</summary>
    internal static class CycleFinder
    {
        public static IReadOnlyList<string>? Find(IReadOnlyDictionary<string, SortedSet<string>> graph)
        {
            var done = new HashSet<string>(StringComparer.Ordinal);
            foreach (var start in graph.Keys.Order(StringComparer.Ordinal))
            {
                var path = new List<string>();
                if (Visit(start, graph, path, done) is { } cycle)
                {
                    return cycle;
                }
            }

            return null;
        }

        private static List<string>? Visit(string node, IReadOnlyDictionary<string, SortedSet<string>> graph, List<string> path, HashSet<string> done)
        {
            if (path.IndexOf(node) is var at and >= 0)
            {
                return [.. path.Skip(at), node];
            }

            if (done.Contains(node))
            {
                return null;
            }

            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                if (Visit(next, graph, path, done) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            done.Add(node);
            return null;
        }
    }
}
