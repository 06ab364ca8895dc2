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

    public required ScalewayNetwork Network { get; init; }

    /// <summary>The only sources the API server admits (no <c>scalewayRanges</c>: that is every Scaleway customer).</summary>
    public required ImmutableArray<Input<string>> ApiAllowList { get; init; }
}

/// <summary>
/// A Kapsule cluster on the site's private network, one node pool per zone (no public IPs: they leave through the
/// Public Gateway), a tainted pool for CI jobs, an API-server allow-list, and the Kubernetes provider fed by the
/// cluster's kubeconfig.
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
            PrivateNetworkId = args.Network.PrivateNetwork.Id,
            // Keeping volumes and load balancers when the cluster goes is what protects a production stack's data.
            DeleteAdditionalResources = !scope.Protect,
            Region = scope.Region,
            // Kapsule accepts a minor-only version only with auto-upgrade, which then applies patch releases.
            AutoUpgrade = MinorVersion().IsMatch(cluster.KubernetesVersion)
                ? new ClusterAutoUpgrade { Enable = true, MaintenanceWindowDay = "sunday", MaintenanceWindowStartHour = 3 }
                : null,
            Tags = tags,
        }, scope.Options(stateful: true));
        // Every pool shares type, autohealing and the gateway; the CI pool is tainted, labelled and in one zone.
        KubernetesPool Pool(string name, string zone, int size) => new()
        {
            ClusterId = Cluster.Id,
            Name = name,
            NodeType = cluster.NodeType,
            Size = size,
            MinSize = size,
            MaxSize = cluster.MaxNodeCount,
            Autoscaling = cluster.MaxNodeCount > size,
            Autohealing = true,
            Zone = zone,
            Region = scope.Region,
            WaitForPoolReady = true,
            PublicIpDisabled = true,
            Tags = tags,
        };
        var options = scope.Options(parent: Cluster, dependsOn: [args.Network.GatewayNetwork]);
        var pools = cluster.Zones.Select(zone => program.Add(scope.LogicalName($"pool-{zone}"), Pool($"tooling-{zone}", zone, cluster.NodeCount), options)).ToList();
        var ciPool = cluster.Runs(Capability.CiRunners)
            ? program.Add(scope.LogicalName($"pool-{CiJobNodes.PoolName}"), Pool(CiJobNodes.PoolName, cluster.Zones[0], 1) with
            {
                Labels = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal).Add(CiJobNodes.LabelKey, CiJobNodes.PoolName),
                Taints = [new PoolTaint { Key = CiJobNodes.TaintKey, Value = CiJobNodes.TaintValue, Effect = CiJobNodes.TaintEffect }],
                Tags = Capability.TagList(Capability.Platform),
            }, options)
            : null;
        Pools = [.. pools, .. ciPool is null ? [] : new[] { ciPool }];

        program.Add(scope.LogicalName("api-acl"), new KubernetesAcl
        {
            ClusterId = Cluster.Id,
            AclRules = [.. args.ApiAllowList.Select(source => new AclRule { Ip = source, Description = "on-call VPN or a site's egress" })],
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
