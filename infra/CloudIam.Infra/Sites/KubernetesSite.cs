using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Sites;

/// <summary>
/// What the provider-agnostic tooling components need from a site: a Kubernetes provider fed by the cluster's
/// kubeconfig (so every Kubernetes resource is placed on that cluster's cloud), the cluster to parent
/// namespaces on, and the cluster's settings (which capabilities it runs, replicas, runners).
/// </summary>
public sealed record KubernetesSite
{
    public required ClusterConfig Cluster { get; init; }

    /// <summary>Human name for UIs (<c>Scaleway fr-par</c>).</summary>
    public required string DisplayName { get; init; }

    public required ResourceHandle ClusterResource { get; init; }

    public required Resource<KubernetesProvider> Kubernetes { get; init; }

    /// <summary>Storage class for persistent volumes; null when the cluster has no volume provisioner.</summary>
    public string? StorageClass { get; init; }

    public string Name => Cluster.Name;

    /// <summary>Logical name of a resource of this site (<c>scw-par-alertmanager</c>).</summary>
    public string LogicalName(string resource) => $"{Name}-{resource}";
}

/// <summary>A cloud provider's public status source, shown in every status page's "cloud-providers" group.</summary>
public sealed record ProviderStatus
{
    public required string Name { get; init; }

    public required string Url { get; init; }

    /// <summary>Gatus conditions (<c>[STATUS] == 200</c>).</summary>
    public required IReadOnlyList<string> Conditions { get; init; }
}

/// <summary>
/// One cloud provider's base: explicit providers, network, managed Kubernetes, object storage. Adding a provider
/// means writing one implementation and listing it in <see cref="SiteCatalog"/>; components are untouched.
/// </summary>
public interface ISite
{
    /// <summary>The provider name used in stack config and in placement (<c>scaleway</c>).</summary>
    string Provider { get; }

    /// <summary>Fewest zones a cluster of this provider accepts (EKS needs subnets in two).</summary>
    int MinZones { get; }

    ProviderStatus Status { get; }

    KubernetesSite Declare(ProgramBuilder program, StackConfig stack, ClusterConfig cluster);
}
