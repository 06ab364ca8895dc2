using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Resources.Scaleway;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Platform.Scaleway;

/// <summary>Scaleway: VPC + private network, Kapsule cluster + pools, object bucket.</summary>
public sealed class ScalewaySite : ISite
{
    public string Provider => "scaleway";

    public int MinZones => 1;

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
        var network = new ScalewayNetwork(program, new ScalewayNetworkArgs { Scope = scope, Cidr = cluster.NetworkCidr });
        var kubernetes = new ScalewayKubernetes(program, new ScalewayKubernetesArgs
        {
            Scope = scope,
            Cluster = cluster,
            PrivateNetwork = network.PrivateNetwork,
            ApiAllowList = stack.ApiAllowList,
        });
        var storage = new ScalewayObjectStorage(program, new ScalewayObjectStorageArgs { Scope = scope });
        program.Output($"{cluster.Name}-apiServer", kubernetes.Cluster.ApiserverUrl());
        program.Output($"{cluster.Name}-bucket", storage.Bucket.Name());
        return new KubernetesSite
        {
            Cluster = cluster,
            DisplayName = $"Scaleway {cluster.Region}",
            ClusterResource = kubernetes.Cluster,
            Kubernetes = kubernetes.Kubernetes,
            StorageClass = StorageClass,
        };
    }
}
