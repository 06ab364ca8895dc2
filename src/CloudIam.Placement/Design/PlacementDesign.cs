using System.Collections.Immutable;

namespace CloudIam.Placement.Design;

/// <summary>A whole design as the policy sees it: a stack, a state export or a preview.</summary>
public sealed record PlacementDesign
{
    /// <summary>Where the design came from (<c>stack prod</c>, a file path), for messages.</summary>
    public required string Source { get; init; }

    public required ImmutableArray<DesignResource> Resources { get; init; }

    /// <summary>Who probes whom; empty when the source says nothing about probes.</summary>
    public ImmutableArray<Observation> Observations { get; init; } = [];

    /// <summary>How failures reach people and the public status page; empty when the source says nothing about paging.</summary>
    public ImmutableArray<AlertPath> AlertPaths { get; init; } = [];
}
