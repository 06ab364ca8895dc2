using System.Collections.Immutable;
using CloudIam.Placement.Design;
using CloudIam.Pulumi.Graph;
using CloudIam.Pulumi.Hashing;
using CloudIam.Pulumi.Providers;

namespace CloudIam.Pulumi.Inference;

/// <summary>
/// Where each resource runs. Results are memoized per resource (and per Kubernetes provider), so every
/// resource is worked out once however many others lead to it.
/// </summary>
internal sealed class PlacementResolver(GraphIndex graph, int resourceCount)
{
    /// <summary>Reference chains in real designs are a few hops long; a longer one is malformed input and is cut.</summary>
    private const int MaxDepth = 32;

    /// <summary>Stands for a placement being worked out, so that a reference cycle ends at once.</summary>
    private static readonly ResourcePlacement InProgress = new() { Provider = "" };

    private readonly Dictionary<string, ResourcePlacement> _placements = new(resourceCount, UrnComparer.Instance);
    private readonly Dictionary<string, ClusterTarget?> _clustersByProvider = new(UrnComparer.Instance);
    private readonly ProviderCatalog _providers = graph.Providers;

    /// <summary>Type token → provider name; one string per type rather than one per resource.</summary>
    private readonly Dictionary<string, string> _providerNames = new(StringComparer.Ordinal);

    /// <summary>The placement of a resource, and for a Kubernetes resource the URN of its cluster resource.</summary>
    public (ResourcePlacement? Placement, string? Cluster) Resolve(PulumiResource resource)
    {
        if (!_providers.RunsOnCluster(resource.Type))
        {
            return (Place(resource, 0), null);
        }

        var target = ClusterOf(resource);
        return (target?.Placement, target?.Cluster);
    }

    /// <summary>Kubernetes resources run where the cluster their provider's kubeconfig comes from runs.</summary>
    private ClusterTarget? ClusterOf(PulumiResource resource)
    {
        if (graph.ProviderOf(resource) is not { } provider || !_providers.Is(provider.Type, ResourceRole.KubernetesProvider))
        {
            return null;
        }

        if (!_clustersByProvider.TryGetValue(provider.Urn, out var target))
        {
            target = FindCluster(provider);
            _clustersByProvider[provider.Urn] = target;
        }

        return target;
    }

    private ClusterTarget? FindCluster(PulumiResource provider)
    {
        var sources = provider.PropertyDependencies.TryGetValue(InferenceInputs.Kubeconfig, out var kubeconfigSources) && !kubeconfigSources.IsEmpty
            ? kubeconfigSources
            : provider.Dependencies;
        foreach (var urn in sources)
        {
            if (graph.Find(urn) is { } cluster && _providers.Is(cluster.Type, ResourceRole.Cluster))
            {
                return new ClusterTarget(Place(cluster, 0), cluster.Urn);
            }
        }

        // A kubeconfig that comes from exactly one cloud resource of a type no provider file calls a
        // cluster still names the cluster the workloads run on.
        if (!kubeconfigSources.IsDefault && kubeconfigSources is [var only] && graph.Find(only) is { Custom: true, IsProvider: false } source && !_providers.RunsOnCluster(source.Type))
        {
            return new ClusterTarget(Place(source, 0) with { OnManagedKubernetes = true }, source.Urn);
        }

        return provider.Inputs.Child(InferenceInputs.Kubeconfig) is StringValue { Value: var kubeconfig } && KubeconfigHost.Place(kubeconfig, _providers) is { } placement
            ? new ClusterTarget(placement, null)
            : null;
    }

    /// <summary>
    /// A cloud resource: provider = the provider file of its package (else the package); zone = its own, else that of its only subnet,
    /// else (unless it spans several subnets) its provider's; region = its own, else its zone's, else its
    /// provider's. Resources of global services (IAM, DNS zones) have neither region nor zone.
    /// </summary>
    private ResourcePlacement Place(PulumiResource resource, int depth)
    {
        if (_placements.TryGetValue(resource.Urn, out var known))
        {
            return known;
        }

        _placements[resource.Urn] = InProgress;
        if (_providers.IsGlobal(resource.Type))
        {
            return _placements[resource.Urn] = new ResourcePlacement { Provider = ProviderNameOf(resource) };
        }

        var provider = graph.ProviderOf(resource);
        var subnets = SubnetsOf(resource);
        var zone = Setting(resource, _providers.ZoneKeys)
            ?? (subnets.Count == 1 && depth < MaxDepth ? Place(subnets[0], depth + 1).Zone : null);
        var region = Setting(resource, _providers.RegionKeys) ?? _providers.RegionOfZone(zone) ?? Setting(provider, _providers.RegionKeys);
        if (zone is null && subnets.Count < 2)
        {
            zone = ProviderZone(provider, region);
            region ??= _providers.RegionOfZone(zone);
        }

        var placement = new ResourcePlacement
        {
            Provider = ProviderNameOf(resource),
            Region = region,
            Zone = zone,
            Networks = NetworksOf(resource, depth),
            OnManagedKubernetes = _providers.RoleOf(resource.Type) is ResourceRole.Cluster or ResourceRole.NodePool,
        };
        _placements[resource.Urn] = placement;
        return placement;
    }

    /// <summary>The name its provider file gives the type's package, else the package itself.</summary>
    private string ProviderNameOf(PulumiResource resource)
    {
        if (!_providerNames.TryGetValue(resource.Type, out var name))
        {
            name = _providers.OfType(resource.Type)?.Name ?? resource.Package;
            _providerNames[resource.Type] = name;
        }

        return name;
    }

    /// <summary>The provider's default zone, unless it lies outside the region the resource chose.</summary>
    private string? ProviderZone(PulumiResource? provider, string? region) =>
        Setting(provider, _providers.ZoneKeys) is { } zone && (region is null || _providers.RegionOfZone(zone) == region) ? zone : null;

    /// <summary>The first of <paramref name="keys"/> set on the resource, inputs before outputs.</summary>
    private static string? Setting(PulumiResource? resource, ImmutableArray<string> keys)
    {
        if (resource is null)
        {
            return null;
        }

        foreach (var key in keys)
        {
            if ((Text(resource.Inputs.Child(key)) ?? Text(resource.Outputs.Child(key))) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    private static string? Text(PropertyValue? value) => value is StringValue { Value.Length: > 0 } text ? text.Value : null;

    private IReadOnlyList<PulumiResource> SubnetsOf(PulumiResource resource)
    {
        List<PulumiResource>? subnets = null;
        foreach (var key in _providers.SubnetKeys)
        {
            foreach (var urn in GraphIndex.Sources(resource, key))
            {
                if (graph.Find(urn) is { } source && _providers.Is(source.Type, ResourceRole.Subnet) && subnets?.Contains(source) != true)
                {
                    (subnets ??= []).Add(source);
                }
            }
        }

        return subnets ?? [];
    }

    /// <summary>
    /// A private network or VPC is its own network; anything else is on the networks of the resources
    /// its attachment inputs came from (network, VPC, subnet → its VPC, cluster → its network).
    /// </summary>
    private ImmutableArray<string> NetworksOf(PulumiResource resource, int depth)
    {
        ImmutableArray<string> networks = _providers.Is(resource.Type, ResourceRole.PrivateNetwork) ? [resource.Name] : [];
        if (depth >= MaxDepth)
        {
            return networks;
        }

        foreach (var key in _providers.NetworkKeys)
        {
            foreach (var urn in GraphIndex.Sources(resource, key))
            {
                if (graph.Find(urn) is { } source)
                {
                    networks = Union(networks, Place(source, depth + 1).Networks);
                }
            }
        }

        return networks;
    }

    /// <summary>Sorted union that returns one of its inputs when it can, so resources share arrays.</summary>
    private static ImmutableArray<string> Union(ImmutableArray<string> left, ImmutableArray<string> right) =>
        right.IsEmpty || left == right ? left
        : left.IsEmpty ? right
        : [.. left.Union(right, StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private sealed record ClusterTarget(ResourcePlacement Placement, string? Cluster);
}
