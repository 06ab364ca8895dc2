using System.Collections.Immutable;
using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Platform;

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

    /// <summary>The program-owned addresses of the site's ingress; null when the stack publishes nothing.</summary>
    public PublicEntry? Entry { get; init; }

    /// <summary>The DNS service of the site's cloud, for the zones stack config gives it.</summary>
    public required IDnsService Dns { get; init; }

    /// <summary>What must exist before a volume of <see cref="StorageClass"/> can be bound (a CSI driver, the class itself).</summary>
    public ImmutableArray<ResourceHandle> StorageReady { get; init; } = [];

    public string Name => Cluster.Name;

    /// <summary>Logical name of a resource of this site (<c>scw-par-alertmanager</c>).</summary>
    public string LogicalName(string resource) => $"{Name}-{resource}";
}
