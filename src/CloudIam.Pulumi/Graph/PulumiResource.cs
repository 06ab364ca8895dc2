using System.Collections.Immutable;

namespace CloudIam.Pulumi.Graph;

/// <summary>
/// One resource of a Pulumi resource graph, whatever it was read from: a compiled program,
/// a <c>pulumi stack export</c> or a <c>pulumi preview --json</c>. Placement inference reads only this.
/// </summary>
public sealed record PulumiResource
{
    /// <summary>The type token prefix of provider resources: <c>pulumi:providers:&lt;package&gt;</c>.</summary>
    public const string ProviderTypePrefix = "pulumi:providers:";

    private static readonly ImmutableSortedDictionary<string, ImmutableArray<string>> NoPropertyDependencies =
        ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty.WithComparers(StringComparer.Ordinal);

    public required string Urn { get; init; }

    /// <summary>Canonical type token, e.g. <c>scaleway:kubernetes/cluster:Cluster</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The URN's name segment.</summary>
    public required string Name { get; init; }

    /// <summary>False for components and the root stack.</summary>
    public bool Custom { get; init; } = true;

    public string? Parent { get; init; }

    /// <summary>URN of the explicit or default provider resource (the <c>::id</c> suffix removed).</summary>
    public string? Provider { get; init; }

    public ImmutableArray<string> Dependencies { get; init; } = [];

    /// <summary>Input name → URNs its value came from; how a kubeconfig leads back to its cluster.</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<string>> PropertyDependencies { get; init; } = NoPropertyDependencies;

    public PropertyValue Inputs { get; init; } = PropertyValue.EmptyMap;

    public PropertyValue Outputs { get; init; } = PropertyValue.EmptyMap;

    /// <summary>The package of the type token: <c>aws</c>, <c>scaleway</c>, <c>kubernetes</c>, <c>pulumi</c>.</summary>
    public string Package => Type.IndexOf(':') is var colon and > 0 ? Type[..colon] : Type;

    public bool IsProvider => Type.StartsWith(ProviderTypePrefix, StringComparison.Ordinal);
}
