using CloudIam.Pulumi.Yaml;

namespace CloudIam.Pulumi.Resources.Kubernetes;

/// <summary><c>spec</c> is the Kubernetes API object (rules, tls, ingressClassName), not provider schema.</summary>
public sealed record KubernetesIngress : IResourceArgs
{
    public static string Token => "kubernetes:networking.k8s.io/v1:Ingress";

    public required ObjectMeta Metadata { get; init; }

    public required ExprMap Spec { get; init; }
}
