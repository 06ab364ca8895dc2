using System.Collections.Frozen;

namespace CloudIam.Pulumi.Inference;

/// <summary>Type tokens inference treats specially (pulumiverse Scaleway 1.54, AWS 7.x, Kubernetes 4.x).</summary>
internal static class KnownTypes
{
    public const string KubernetesProvider = "pulumi:providers:kubernetes";

    /// <summary>A component in Pulumi's sense, but the unit a Helm capability is declared on.</summary>
    public const string HelmChart = "kubernetes:helm.sh/v4:Chart";

    public static readonly FrozenSet<string> HelmReleases = Set("kubernetes:helm.sh/v3:Release", HelmChart);

    public static readonly FrozenSet<string> Clusters = Set(
        "scaleway:kubernetes/cluster:Cluster",
        "scaleway:index/kubernetesCluster:KubernetesCluster",
        "aws:eks/cluster:Cluster");

    public static readonly FrozenSet<string> NodePools = Set(
        "scaleway:kubernetes/pool:Pool",
        "scaleway:index/kubernetesNodePool:KubernetesNodePool",
        "aws:eks/nodeGroup:NodeGroup");

    /// <summary>Resources that are a network domain, named after their Pulumi resource name.</summary>
    public static readonly FrozenSet<string> Networks = Set(
        "scaleway:network/privateNetwork:PrivateNetwork",
        "scaleway:index/vpcPrivateNetwork:VpcPrivateNetwork",
        "aws:ec2/vpc:Vpc");

    public static readonly FrozenSet<string> Subnets = Set("aws:ec2/subnet:Subnet");

    /// <summary>
    /// Modules of account- or organization-wide services: their resources live in no region (an IAM
    /// role made through the eu-west-3 provider serves every region), so they are placed on the
    /// provider only and a second region does not inherit a false dependency on the first.
    /// </summary>
    private static readonly string[] GlobalModules = ["aws:iam/", "aws:route53/", "aws:organizations/", "scaleway:iam/", "scaleway:index/iam"];

    public static bool IsGlobal(string type) => GlobalModules.Any(module => type.StartsWith(module, StringComparison.Ordinal));

    /// <summary>Pulumi's own resources (providers, the root stack, stack references) run nowhere.</summary>
    public static bool IsPulumiInternal(string type) => type.StartsWith("pulumi:", StringComparison.Ordinal);

    public static bool IsKubernetes(string type) => type.StartsWith("kubernetes:", StringComparison.Ordinal);

    public static bool IsManagedKubernetes(string type) => Clusters.Contains(type) || NodePools.Contains(type);

    private static FrozenSet<string> Set(params string[] types) => types.ToFrozenSet(StringComparer.Ordinal);
}
