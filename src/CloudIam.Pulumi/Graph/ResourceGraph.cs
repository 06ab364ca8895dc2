using System.Collections.Immutable;

namespace CloudIam.Pulumi.Graph;

/// <summary>A Pulumi resource graph and where it came from (a file path or <c>stack prod</c>).</summary>
public sealed record ResourceGraph
{
    public required string Source { get; init; }

    /// <summary>In dependency order as Pulumi writes them (providers and parents first).</summary>
    public required ImmutableArray<PulumiResource> Resources { get; init; }
}
