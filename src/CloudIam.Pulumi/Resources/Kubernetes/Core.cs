using System.Collections.Immutable;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Pulumi.Resources.Kubernetes;

public sealed record KubernetesNamespace : IResourceArgs
{
    public static string Token => "kubernetes:core/v1:Namespace";

    /// <summary>Set <c>metadata.name</c>: without it Kubernetes gets a random suffix that Helm values cannot know.</summary>
    public required ObjectMeta Metadata { get; init; }
}

public sealed record ObjectMeta : IArgsObject
{
    public Input<string>? Name { get; init; }

    public Input<string>? Namespace { get; init; }

    public ImmutableSortedDictionary<string, string>? Labels { get; init; }

    public ImmutableSortedDictionary<string, string>? Annotations { get; init; }
}

/// <summary><c>stringData</c> values are secret outputs: the place for anything read from secret config.</summary>
public sealed record KubernetesSecret : IResourceArgs
{
    public static string Token => "kubernetes:core/v1:Secret";

    public required ObjectMeta Metadata { get; init; }

    public Input<string>? Type { get; init; }

    public ExprMap? StringData { get; init; }
}

/// <summary>Plain configuration; the security baseline refuses secrets in one (SEC010).</summary>
public sealed record KubernetesConfigMap : IResourceArgs
{
    public static string Token => "kubernetes:core/v1:ConfigMap";

    public required ObjectMeta Metadata { get; init; }

    public ExprMap? Data { get; init; }
}

public static class KubernetesNamespaceOutputs
{
    public static Output<string> MetadataName(this Resource<KubernetesNamespace> ns) => ns.Output<string>("metadata.name");

    /// <summary>Referring to a Secret by this output makes whatever reads it wait until the Secret exists.</summary>
    public static Output<string> MetadataName(this Resource<KubernetesSecret> secret) => secret.Output<string>("metadata.name");
}
