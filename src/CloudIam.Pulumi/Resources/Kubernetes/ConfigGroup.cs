using CloudIam.Pulumi.Yaml;

namespace CloudIam.Pulumi.Resources.Kubernetes;

/// <summary>
/// <c>kubernetes:yaml/v2:ConfigGroup</c>: Kubernetes objects given as literals, the way a YAML program declares
/// custom resources (cert-manager issuers, Traefik middlewares) that have no typed resource in the provider.
/// </summary>
public sealed record ConfigGroup : IResourceArgs
{
    public static string Token => "kubernetes:yaml/v2:ConfigGroup";

    public required ExprList Objs { get; init; }
}
