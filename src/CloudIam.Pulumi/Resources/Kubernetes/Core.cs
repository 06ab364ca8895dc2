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

public static class KubernetesNamespaceOutputs
{
    public static Output<string> MetadataName(this Resource<KubernetesNamespace> ns) => ns.Output<string>("metadata.name");
}
