using System.Collections.Immutable;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Pulumi.Resources.Aws;

public sealed record EksCluster : IResourceArgs
{
    public static string Token => "aws:eks/cluster:Cluster";

    public required Input<string> RoleArn { get; init; }

    public required EksVpcConfig VpcConfig { get; init; }

    public Input<string>? Name { get; init; }

    public Input<string>? Version { get; init; }

    public EksAccessConfig? AccessConfig { get; init; }

    public ImmutableArray<string>? EnabledClusterLogTypes { get; init; }

    public ImmutableSortedDictionary<string, string>? Tags { get; init; }
}

public sealed record EksVpcConfig : IArgsObject
{
    public required ImmutableArray<Input<string>> SubnetIds { get; init; }

    public Input<bool>? EndpointPrivateAccess { get; init; }

    public Input<bool>? EndpointPublicAccess { get; init; }

    /// <summary>The API-server allow-list; absent means 0.0.0.0/0 when the public endpoint is on.</summary>
    public ImmutableArray<Input<string>>? PublicAccessCidrs { get; init; }
}

public sealed record EksAccessConfig : IArgsObject
{
    /// <summary><c>CONFIG_MAP</c>, <c>API</c> or <c>API_AND_CONFIG_MAP</c>.</summary>
    public Input<string>? AuthenticationMode { get; init; }

    public Input<bool>? BootstrapClusterCreatorAdminPermissions { get; init; }
}

public sealed record EksNodeGroup : IResourceArgs
{
    public static string Token => "aws:eks/nodeGroup:NodeGroup";

    public required Input<string> ClusterName { get; init; }

    public required Input<string> NodeRoleArn { get; init; }

    public required ImmutableArray<Input<string>> SubnetIds { get; init; }

    public required EksScalingConfig ScalingConfig { get; init; }

    public Input<string>? NodeGroupName { get; init; }

    public ImmutableArray<string>? InstanceTypes { get; init; }

    /// <summary><c>ON_DEMAND</c> or <c>SPOT</c>.</summary>
    public Input<string>? CapacityType { get; init; }

    public Input<int>? DiskSize { get; init; }

    public ImmutableSortedDictionary<string, string>? Tags { get; init; }
}

public sealed record EksScalingConfig : IArgsObject
{
    public required Input<int> DesiredSize { get; init; }

    public required Input<int> MaxSize { get; init; }

    public required Input<int> MinSize { get; init; }
}

/// <summary>An EKS add-on (<c>aws-ebs-csi-driver</c>, <c>eks-pod-identity-agent</c>); the latest version for the cluster when none is given.</summary>
public sealed record EksAddon : IResourceArgs
{
    public static string Token => "aws:eks/addon:Addon";

    public required Input<string> ClusterName { get; init; }

    public required Input<string> AddonName { get; init; }

    /// <summary>IAM roles for the add-on's service accounts through EKS Pod Identity (needs the pod identity agent add-on).</summary>
    public ImmutableArray<EksAddonPodIdentityAssociation>? PodIdentityAssociations { get; init; }

    /// <summary><c>OVERWRITE</c> takes over fields a manual install set; <c>NONE</c> fails on them.</summary>
    public Input<string>? ResolveConflictsOnCreate { get; init; }

    public ImmutableSortedDictionary<string, string>? Tags { get; init; }
}

public sealed record EksAddonPodIdentityAssociation : IArgsObject
{
    public required Input<string> RoleArn { get; init; }

    public required Input<string> ServiceAccount { get; init; }
}

public static class EksClusterOutputs
{
    public static Output<string> Endpoint(this Resource<EksCluster> cluster) => cluster.Output<string>("endpoint");

    public static Output<string> CertificateAuthorityData(this Resource<EksCluster> cluster) =>
        cluster.Output<string>("certificateAuthority.data");

    public static Output<string> Name(this Resource<EksCluster> cluster) => cluster.Output<string>("name");
}
