using System.Collections.Immutable;
using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Resources.Aws;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Platform.Aws;

/// <summary>AWS: VPC + subnets over the zones, EKS cluster + node group with IAM roles, S3 bucket.</summary>
public sealed class AwsSite : ISite
{
    public string Provider => "aws";

    public int MinZones => 2;

    public string StorageClass => AwsBlockStorage.StorageClassName;

    public KubernetesSite Declare(ProgramBuilder program, StackConfig stack, ClusterConfig cluster)
    {
        var provider = program.AddProvider($"{cluster.Name}-aws", new AwsProvider
        {
            Region = cluster.Region,
            DefaultTags = new ProviderDefaultTags
            {
                Tags = new Dictionary<string, string>
                {
                    ["cloudiam.io/stack"] = stack.Stack,
                    ["cloudiam.io/managed-by"] = "pulumi",
                }.ToImmutableSortedDictionary(StringComparer.Ordinal),
            },
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
        var kubernetes = new AwsKubernetes(program, new AwsKubernetesArgs
        {
            Scope = scope,
            Cluster = cluster,
            Subnets = network.Subnets,
            ApiAllowList = stack.ApiAllowList,
        });
        var blockStorage = new AwsBlockStorage(program, new AwsBlockStorageArgs { Scope = scope, Kubernetes = kubernetes });
        var storage = new AwsObjectStorage(program, new AwsObjectStorageArgs { Scope = scope });
        program.Output($"{cluster.Name}-apiServer", kubernetes.Cluster.Endpoint());
        program.Output($"{cluster.Name}-bucket", storage.Bucket.BucketName());
        return new KubernetesSite
        {
            Cluster = cluster,
            DisplayName = $"AWS {cluster.Region}",
            ClusterResource = kubernetes.Cluster,
            Kubernetes = kubernetes.Kubernetes,
            StorageClass = StorageClass,
            StorageReady = [blockStorage.StorageClass],
        };
    }
}
