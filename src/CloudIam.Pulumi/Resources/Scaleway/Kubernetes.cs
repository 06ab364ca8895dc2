using System.Collections.Immutable;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Pulumi.Resources.Scaleway;

/// <summary>Kapsule cluster. <c>privateNetworkId</c> is effectively mandatory and replaces the cluster on change.</summary>
public sealed record KubernetesCluster : IResourceArgs
{
    public static string Token => "scaleway:kubernetes/cluster:Cluster";

    public required Input<string> Version { get; init; }

    public required Input<string> Cni { get; init; }

    public required Input<bool> DeleteAdditionalResources { get; init; }

    public Input<string>? PrivateNetworkId { get; init; }

    public Input<string>? Name { get; init; }

    public Input<string>? Type { get; init; }

    public ImmutableArray<string>? Tags { get; init; }

    public Input<string>? Region { get; init; }

    public ClusterAutoUpgrade? AutoUpgrade { get; init; }
}

public sealed record ClusterAutoUpgrade : IArgsObject
{
    public required Input<bool> Enable { get; init; }

    public required Input<string> MaintenanceWindowDay { get; init; }

    public required Input<int> MaintenanceWindowStartHour { get; init; }
}

public sealed record KubernetesPool : IResourceArgs
{
    public static string Token => "scaleway:kubernetes/pool:Pool";

    public required Input<string> ClusterId { get; init; }

    public required Input<string> NodeType { get; init; }

    public required Input<int> Size { get; init; }

    public Input<string>? Name { get; init; }

    public Input<int>? MinSize { get; init; }

    public Input<int>? MaxSize { get; init; }

    public Input<bool>? Autoscaling { get; init; }

    public Input<bool>? Autohealing { get; init; }

    public Input<string>? Zone { get; init; }

    public Input<string>? Region { get; init; }

    public ImmutableArray<string>? Tags { get; init; }

    public Input<bool>? WaitForPoolReady { get; init; }

    /// <summary>Needs the cluster's private network to have a Public Gateway; changing it replaces the pool.</summary>
    public Input<bool>? PublicIpDisabled { get; init; }

    public ImmutableSortedDictionary<string, string>? Labels { get; init; }

    public ImmutableArray<PoolTaint>? Taints { get; init; }
}

public sealed record PoolTaint : IArgsObject
{
    public required Input<string> Key { get; init; }

    public required Input<string> Value { get; init; }

    /// <summary><c>NoSchedule</c>, <c>PreferNoSchedule</c> or <c>NoExecute</c>.</summary>
    public required Input<string> Effect { get; init; }
}

/// <summary>Kapsule API-server allow-list; without one the API server accepts every source address.</summary>
public sealed record KubernetesAcl : IResourceArgs
{
    public static string Token => "scaleway:kubernetes/acl:Acl";

    public required Input<string> ClusterId { get; init; }

    public required ImmutableArray<AclRule> AclRules { get; init; }
}

public sealed record AclRule : IArgsObject
{
    public Input<string>? Ip { get; init; }

    public Input<bool>? ScalewayRanges { get; init; }

    public Input<string>? Description { get; init; }
}

public static class KubernetesClusterOutputs
{
    /// <summary>The admin kubeconfig (a secret output) that feeds the cluster's Kubernetes provider.</summary>
    public static Output<string> KubeconfigFile(this Resource<KubernetesCluster> cluster) =>
        cluster.Output<string>("kubeconfigs[0].configFile");

    public static Output<string> ApiserverUrl(this Resource<KubernetesCluster> cluster) =>
        cluster.Output<string>("apiserverUrl");
}
