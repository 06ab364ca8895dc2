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

    public EksEncryptionConfig? EncryptionConfig { get; init; }

    public ImmutableSortedDictionary<string, string>? Tags { get; init; }
}

/// <summary>Envelope encryption of Kubernetes Secrets with a KMS key (<c>resources: [secrets]</c>, the only value).</summary>
public sealed record EksEncryptionConfig : IArgsObject
{
    public required EksEncryptionProvider Provider { get; init; }

    public required ImmutableArray<string> Resources { get; init; }
}

public sealed record EksEncryptionProvider : IArgsObject
{
    public required Input<string> KeyArn { get; init; }
}

/// <summary>Admits an IAM principal to the cluster (authentication mode <c>API</c>); its rights come from policy associations.</summary>
public sealed record EksAccessEntry : IResourceArgs
{
    public static string Token => "aws:eks/accessEntry:AccessEntry";

    public required Input<string> ClusterName { get; init; }

    public required Input<string> PrincipalArn { get; init; }

    /// <summary><c>STANDARD</c> (default), <c>EC2_LINUX</c>, …</summary>
    public Input<string>? Type { get; init; }

    public ImmutableSortedDictionary<string, string>? Tags { get; init; }
}

public sealed record EksAccessPolicyAssociation : IResourceArgs
{
    public static string Token => "aws:eks/accessPolicyAssociation:AccessPolicyAssociation";

    public required Input<string> ClusterName { get; init; }

    public required Input<string> PrincipalArn { get; init; }

    /// <summary>An EKS access policy (<c>arn:aws:eks::aws:cluster-access-policy/…</c>).</summary>
    public required Input<string> PolicyArn { get; init; }

    public required EksAccessScope AccessScope { get; init; }
}

public sealed record EksAccessScope : IArgsObject
{
    /// <summary><c>cluster</c> or <c>namespace</c>.</summary>
    public required Input<string> Type { get; init; }

    public ImmutableArray<string>? Namespaces { get; init; }
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

    public ImmutableSortedDictionary<string, string>? Labels { get; init; }

    public ImmutableArray<EksTaint>? Taints { get; init; }

    public EksNodeGroupLaunchTemplate? LaunchTemplate { get; init; }

    public ImmutableSortedDictionary<string, string>? Tags { get; init; }
}

public sealed record EksTaint : IArgsObject
{
    public required Input<string> Key { get; init; }

    public Input<string>? Value { get; init; }

    /// <summary><c>NO_SCHEDULE</c>, <c>NO_EXECUTE</c> or <c>PREFER_NO_SCHEDULE</c>.</summary>
    public required Input<string> Effect { get; init; }
}

public sealed record EksNodeGroupLaunchTemplate : IArgsObject
{
    public required Input<string> Id { get; init; }

    /// <summary>Required by the schema; the template's <c>latestVersion</c> output rolls nodes when it changes.</summary>
    public required Input<string> Version { get; init; }
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

    public static Output<string> Arn(this Resource<EksCluster> cluster) => cluster.Output<string>("arn");
}
