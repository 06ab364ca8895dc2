using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Resources.Scaleway;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Platform.Scaleway;

public sealed record ScalewayKubernetesArgs
{
    public required ProviderScope Scope { get; init; }

    public required ClusterConfig Cluster { get; init; }

    public required Resource<NetworkPrivateNetwork> PrivateNetwork { get; init; }

    public required ImmutableArray<Ipv4Cidr> ApiAllowList { get; init; }
}

/// <summary>
/// A Kapsule cluster on the site's private network, one node pool per zone, an API-server allow-list, and the
/// Kubernetes provider fed by the cluster's kubeconfig.
/// </summary>
public sealed partial class ScalewayKubernetes
{
    public ScalewayKubernetes(ProgramBuilder program, ScalewayKubernetesArgs args)
    {
        var (scope, cluster) = (args.Scope, args.Cluster);
        var tags = Capability.TagList(Capability.Platform);
        Cluster = program.Add(scope.LogicalName("cluster"), new KubernetesCluster
        {
            Name = scope.CloudName,
            Type = "kapsule",
            Version = cluster.KubernetesVersion,
            Cni = "cilium",
            PrivateNetworkId = args.PrivateNetwork.Id,
            // Keeping volumes and load balancers when the cluster goes is what protects a production stack's data.
            DeleteAdditionalResources = !scope.Protect,
            Region = scope.Region,
            // Kapsule accepts a minor-only version only with auto-upgrade, which then applies patch releases.
            AutoUpgrade = MinorVersion().IsMatch(cluster.KubernetesVersion)
                ? new ClusterAutoUpgrade { Enable = true, MaintenanceWindowDay = "sunday", MaintenanceWindowStartHour = 3 }
                : null,
            Tags = tags,
        }, scope.Options(stateful: true));
        Pools = [.. cluster.Zones.Select(zone => program.Add(scope.LogicalName($"pool-{zone}"), new KubernetesPool
        {
            ClusterId = Cluster.Id,
            Name = $"tooling-{zone}",
            NodeType = cluster.NodeType,
            Size = cluster.NodeCount,
            MinSize = cluster.NodeCount,
            MaxSize = cluster.MaxNodeCount,
            Autoscaling = cluster.MaxNodeCount > cluster.NodeCount,
            Autohealing = true,
            Zone = zone,
            Region = scope.Region,
            WaitForPoolReady = true,
            Tags = tags,
        }, scope.Options(parent: Cluster)))];
        program.Add(scope.LogicalName("api-acl"), new KubernetesAcl
        {
            ClusterId = Cluster.Id,
            AclRules =
            [
                .. args.ApiAllowList.Select(cidr => new AclRule { Ip = cidr.ToString(), Description = "apiAllowList (stack config)" }),
                // Nodes and Scaleway's managed components reach the API server from Scaleway's own ranges.
                new AclRule { ScalewayRanges = true, Description = "Scaleway ranges" },
            ],
        }, scope.Options(parent: Cluster));
        Kubernetes = program.AddProvider(scope.LogicalName("kubernetes"), new KubernetesProvider
        {
            Kubeconfig = Cluster.KubeconfigFile(),
        }, new ResourceOptions { Parent = Cluster, DependsOn = [.. Pools] });
    }

    public Resource<KubernetesCluster> Cluster { get; }

    public ImmutableArray<Resource<KubernetesPool>> Pools { get; }

    public Resource<KubernetesProvider> Kubernetes { get; }

    [GeneratedRegex(@"^[0-9]+\.[0-9]+$")]
    private static partial Regex MinorVersion();
}
