namespace CloudIam.Pulumi.Inference;

/// <summary>
/// Every input, output and property dependency placement inference reads. The readers keep exactly
/// these and skip the rest of each resource, so this list is also what makes large exports cheap.
/// </summary>
internal static class InferenceInputs
{
    public const string Region = "region";
    public const string Zone = "zone";
    public const string AvailabilityZone = "availabilityZone";
    public const string Tags = "tags";
    public const string Metadata = "metadata";
    public const string Labels = "labels";
    public const string Values = "values";
    public const string CommonLabels = "commonLabels";
    public const string PodLabels = "podLabels";
    public const string Controller = "controller";
    public const string Kubeconfig = "kubeconfig";

    public const string PrivateNetworkId = "privateNetworkId";
    public const string PrivateNetworks = "privateNetworks";
    public const string VpcId = "vpcId";
    public const string SubnetId = "subnetId";
    public const string SubnetIds = "subnetIds";
    public const string VpcConfig = "vpcConfig";
    public const string VpcZoneIdentifiers = "vpcZoneIdentifiers";
    public const string ClusterId = "clusterId";
    public const string ClusterName = "clusterName";

    /// <summary>
    /// Values read from inputs (then outputs), as path segments. Tag and label maps keep only the
    /// capability entry: real ones carry many more, and this runs for every resource of a large export.
    /// </summary>
    public static readonly string[][] ValuePaths =
    [
        [Region], [Zone], [AvailabilityZone], [Kubeconfig],
        [Tags, CapabilityTag.Key],
        [Metadata, Labels, CapabilityTag.Key],
        [Values, CommonLabels, CapabilityTag.Key],
        [Values, PodLabels, CapabilityTag.Key],
        [Values, Controller, PodLabels, CapabilityTag.Key],
    ];

    /// <summary>Inputs that attach a resource to a subnet; their count decides zonal or regional.</summary>
    public static readonly string[] SubnetKeys = [SubnetId, SubnetIds, VpcConfig, VpcZoneIdentifiers];

    /// <summary>
    /// Inputs whose source resources (by <c>propertyDependencies</c>) place a resource on a network:
    /// private networks, VPCs, subnets, and the cluster a node pool belongs to.
    /// </summary>
    public static readonly string[] AttachmentKeys = [PrivateNetworkId, PrivateNetworks, VpcId, .. SubnetKeys, ClusterId, ClusterName];

    /// <summary>Inputs whose <c>propertyDependencies</c> are kept.</summary>
    public static readonly string[][] ReferenceKeys = [[Kubeconfig], .. AttachmentKeys.Select(key => new[] { key })];
}
