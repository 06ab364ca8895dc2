using CloudIam.Pulumi.Yaml;

namespace CloudIam.Pulumi.Resources.Kubernetes;

/// <summary>
/// <c>pulumi:providers:kubernetes</c>. Its <c>kubeconfig</c> must reference the cluster resource: placement
/// inference follows that property dependency to learn which cloud a Kubernetes resource runs on.
/// </summary>
public sealed record KubernetesProvider : IProviderArgs
{
    public static string Token => "pulumi:providers:kubernetes";

    public static PulumiPackage Package => PulumiPackages.Kubernetes;

    /// <summary>Kubeconfig text (or path); reference the cluster's output, never a file on disk.</summary>
    public required Input<string> Kubeconfig { get; init; }
}
