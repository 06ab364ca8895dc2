using System.Collections.Immutable;
using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Resources.Aws;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Platform.Aws;

/// <summary>AWS: VPC + subnets over the zones, EKS cluster + node group with IAM roles, S3 bucket.</summary>
public sealed class AwsSite : ISite
{
    public string Provider => "aws";

    public int MinZones => 2;

    public string DnsServiceName => "Route 53";

    public string DescribeEntry(ClusterConfig cluster) => $"{cluster.Zones.Length} Elastic IPs ({string.Join(", ", cluster.Zones)}) on a network load balancer";

    public string StorageClass => AwsBlockStorage.StorageClassName;

    public KubernetesSite Declare(ProgramBuilder program, StackConfig stack, ClusterConfig cluster)
    {
        var defaultTags = new Dictionary<string, string>
        {
            ["cloudiam.io/stack"] = stack.Stack,
            ["cloudiam.io/managed-by"] = "pulumi",
        }.ToImmutableSortedDictionary(StringComparer.Ordinal);
        var provider = program.AddProvider($"{cluster.Name}-aws", new AwsProvider
        {
            Region = cluster.Region,
            DefaultTags = new ProviderDefaultTags { Tags = defaultTags },
        });
        var scope = new ProviderScope
        {
            Prefix = cluster.Name,
            CloudName = $"cloudiam-{stack.Stack}-{cluster.Name}",
            Provider = provider,
            Region = cluster.Region,
            Protect = stack.Protect,
        };
        var network = new AwsNetwork(program, new AwsNetworkArgs { Scope = scope, Cidr = cluster.NetworkCidr, Zones = cluster.Zones });
        var apiAllowList = ApiAccess.AllowList(program, stack, cluster, network.EgressIps.Select(ip => ip.PublicIp()));
        var kubernetes = new AwsKubernetes(program, new AwsKubernetesArgs
        {
            Scope = scope,
            Cluster = cluster,
            Subnets = network.PrivateSubnets,
            ApiAllowList = apiAllowList,
            ClusterAdmins = stack.ClusterAdmins,
        });
        var blockStorage = new AwsBlockStorage(program, new AwsBlockStorageArgs { Scope = scope, Kubernetes = kubernetes });
        var storage = new AwsObjectStorage(program, new AwsObjectStorageArgs { Scope = scope });
        program.Output($"{cluster.Name}-apiServer", kubernetes.Cluster.Endpoint());
        program.Output($"{cluster.Name}-bucket", storage.Bucket.BucketName());
        return new KubernetesSite
        {
            Cluster = cluster,
            DisplayName = $"AWS {cluster.Region}",
            Entry = stack.Exposure is null ? null : Entry(program, scope, cluster),
            Dns = new Route53Dns(scope.Options(), Capability.Map(Capability.Platform)),
            ClusterResource = kubernetes.Cluster,
            Kubernetes = kubernetes.Kubernetes,
            StorageClass = StorageClass,
            StorageReady = [blockStorage.StorageClass],
        };
    }

    /// <summary>
    /// One Elastic IP per zone, handed to the network load balancer the cloud controller creates for the ingress
    /// Service (it wants as many allocations as the subnets it spans: one per zone).
    /// </summary>
    private static PublicEntry Entry(ProgramBuilder program, ProviderScope scope, ClusterConfig cluster)
    {
        var eips = cluster.Zones.Select(zone => program.Add(scope.LogicalName($"ingress-eip-{zone}"), new Ec2Eip
        {
            Domain = "vpc",
            Tags = Capability.Map(Capability.Platform).Add("Name", $"{scope.CloudName}-ingress-{zone}"),
        }, scope.Options(stateful: true))).ToImmutableArray();
        return new PublicEntry
        {
            Addresses = [.. eips.Select(eip => eip.PublicIp())],
            ServiceAnnotations = new ExprMap
            {
                ["service.beta.kubernetes.io/aws-load-balancer-type"] = "nlb",
                ["service.beta.kubernetes.io/aws-load-balancer-eip-allocations"] = Expr.Join(",", ExprList.Of(eips, eip => eip.AllocationId())),
            },
        };
    }
}
