using System.Collections.Immutable;
using CloudIam.Placement.Design;
using CloudIam.Pulumi.Graph;
using CloudIam.Pulumi.Providers;

namespace CloudIam.Pulumi.Inference;

/// <summary>
/// Infers where each resource of a Pulumi resource graph runs, the same way whatever the graph was
/// read from. The rules are described in <c>docs/inference.md</c>.
/// </summary>
public static class PlacementInference
{
    /// <summary>
    /// The design of a graph: every resource except Pulumi's own and components, in graph order, with
    /// its placement (null when it cannot be inferred), capability tag, run-time dependencies and inputs.
    /// </summary>
    /// <param name="providers">What is known of cloud providers; <see cref="ProviderCatalog.Shipped"/> when null.</param>
    public static PlacementDesign Infer(ResourceGraph graph, ProviderCatalog? providers = null)
    {
        var index = new GraphIndex(graph, providers ?? ProviderCatalog.Shipped);
        var resolver = new PlacementResolver(index, graph.Resources.Length);
        var design = ImmutableArray.CreateBuilder<DesignResource>(graph.Resources.Length);
        foreach (var resource in graph.Resources)
        {
            if (!index.IsInDesign(resource))
            {
                continue;
            }

            var (placement, cluster) = resolver.Resolve(resource);
            design.Add(new DesignResource
            {
                Urn = resource.Urn,
                Type = resource.Type,
                Name = resource.Name,
                Placement = placement,
                Capability = CapabilityTag.Of(resource, index.Providers),
                Cluster = cluster,
                Dependencies = DependenciesOf(resource, cluster, index),
                Properties = resource.Inputs,
                PublicHost = PublicHostName.Of(resource, index.Providers),
            });
        }

        return new PlacementDesign { Source = graph.Source, Resources = design.DrainToImmutable() };
    }

    /// <summary>
    /// Declared dependencies that are in the design, plus the cluster a Kubernetes resource runs on:
    /// losing the cluster loses the workload even when nothing in the program says so.
    /// </summary>
    private static ImmutableArray<string> DependenciesOf(PulumiResource resource, string? cluster, GraphIndex index)
    {
        var dependencies = resource.Dependencies;
        foreach (var urn in dependencies)
        {
            if (!index.IsInDesign(urn))
            {
                dependencies = [.. dependencies.Where(index.IsInDesign)];
                break;
            }
        }

        return cluster is null || dependencies.Contains(cluster) ? dependencies : dependencies.Add(cluster);
    }
}
