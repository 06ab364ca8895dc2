using System.Collections.Immutable;
using CloudIam.Placement;
using CloudIam.Pulumi.Hashing;

namespace CloudIam.Pulumi.Graph;

/// <summary>
/// Several graphs read as one design (DESIGN §7.2): stacks or projects that together make a system.
/// URNs carry their stack and project, so references keep resolving within their own stack.
/// </summary>
public static class ResourceGraphs
{
    /// <summary>
    /// The union of the graphs in the given order. A URN in two sources must be the same resource
    /// (an export and a preview of one stack both list it); with another type, provider or inputs the
    /// sources contradict each other, which is bad input rather than a guess at which one is right.
    /// </summary>
    public static ResourceGraph Merge(IReadOnlyList<ResourceGraph> graphs)
    {
        if (graphs.Count == 1)
        {
            return graphs[0];
        }

        var seen = new Dictionary<string, (PulumiResource Resource, string Source)>(UrnComparer.Instance);
        var merged = ImmutableArray.CreateBuilder<PulumiResource>(graphs.Sum(g => g.Resources.Length));
        foreach (var graph in graphs)
        {
            foreach (var resource in graph.Resources)
            {
                if (!seen.TryGetValue(resource.Urn, out var first))
                {
                    seen.Add(resource.Urn, (resource, graph.Source));
                    merged.Add(resource);
                }
                else if (Difference(first.Resource, resource) is { } difference)
                {
                    throw new BadInputException(graph.Source, $"resource {resource.Urn} is also in {first.Source} with {difference}; the two sources contradict each other");
                }
            }
        }

        return new ResourceGraph { Source = string.Join(" + ", graphs.Select(g => g.Source)), Resources = merged.DrainToImmutable() };
    }

    private static string? Difference(PulumiResource first, PulumiResource second) =>
        first.Type != second.Type ? $"another type ({first.Type})"
        : first.Provider != second.Provider ? $"another provider ({first.Provider ?? "default"})"
        : !first.Inputs.Equals(second.Inputs) ? "different inputs"
        : null;
}
