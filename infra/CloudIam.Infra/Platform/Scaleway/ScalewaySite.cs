using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Resources.Scaleway;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Platform.Scaleway;

/// <summary>Scaleway: VPC + private network, Kapsule cluster + pools, object bucket.</summary>
public sealed class ScalewaySite : ISite
{
    public string Provider => "scaleway";

    public int MinZones => 1;

    public string DnsServiceName => "Scaleway DNS";

    public string DescribeEntry(ClusterConfig cluster) => $"1 flexible IP ({cluster.Zones[0]}) on the Kapsule load balancer";

    /// <summary>Kapsule's class for Block Storage (SBS) volumes; <c>scw-bssd</c> belongs to the legacy instance volumes.</summary>
    public string StorageClass => "sbs-default";

    public KubernetesSite Declare(ProgramBuilder program, StackConfig stack, ClusterConfig cluster)
    {
        var provider = program.AddProvider($"{cluster.Name}-scaleway", new ScalewayProvider
        {
            Region = cluster.Region,
            Zone = cluster.Zones[0],
        });
        var scope = new ProviderScope
        {
            Prefix = cluster.Name,
            CloudName = $"cloudiam-{stack.Stack}-{cluster.Name}",
            Provider = provider,
            Region = cluster.Region,
            Protect = stack.Protect,
        };
        var network = new ScalewayNetwork(program, new ScalewayNetworkArgs { Scope = scope, Cidr = cluster.NetworkCidr, GatewayZone = cluster.Zones[0] });
        var apiAllowList = ApiAccess.AllowList(program, stack, cluster, [network.EgressIp.Address()]);
        var kubernetes = new ScalewayKubernetes(program, new ScalewayKubernetesArgs
        {
            Scope = scope,
            Cluster = cluster,
            Network = network,
            ApiAllowList = apiAllowList,
        });
        var storage = new ScalewayObjectStorage(program, new ScalewayObjectStorageArgs { Scope = scope });
        program.Output($"{cluster.Name}-apiServer", kubernetes.Cluster.ApiserverUrl());
        program.Output($"{cluster.Name}-bucket", storage.Bucket.Name());
        return new KubernetesSite
        {
            Cluster = cluster,
            DisplayName = $"Scaleway {cluster.Region}",
            Entry = stack.Exposure is null ? null : Entry(program, scope, cluster),
            Dns = new ScalewayDns(scope.Options()),
            ClusterResource = kubernetes.Cluster,
            Kubernetes = kubernetes.Kubernetes,
            StorageClass = StorageClass,
        };
    }

    /// <summary>
    /// A flexible IP the Kapsule cloud controller attaches to the ingress Service's load balancer. The Service names
    /// it by address (<c>loadBalancerIP</c>, still honoured by Scaleway's CCM), which needs no ID reshaping in YAML.
    /// </summary>
    private static PublicEntry Entry(ProgramBuilder program, ProviderScope scope, ClusterConfig cluster)
    {
        var ip = program.Add(scope.LogicalName("ingress-ip"), new LoadbalancerIp
        {
            Zone = cluster.Zones[0],
            Tags = Capability.TagList(Capability.Platform),
        }, scope.Options(stateful: true));
        return new PublicEntry
        {
            Addresses = [ip.IpAddress()],
            ServiceAnnotations = new ExprMap { ["service.beta.kubernetes.io/scw-loadbalancer-zone"] = cluster.Zones[0] },
            ServiceSpec = new ExprMap { ["loadBalancerIP"] = ip.IpAddress() },
        };
    }
}
