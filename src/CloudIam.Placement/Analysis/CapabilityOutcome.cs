using System.Collections.Immutable;

namespace CloudIam.Placement.Analysis;

/// <summary>How one capability fares in one outage.</summary>
public sealed record CapabilityOutcome
{
    public required string Capability { get; init; }

    public required int InstancesBefore { get; init; }

    public required int InstancesAfter { get; init; }

    public required double CapacityBefore { get; init; }

    public required double CapacityAfter { get; init; }

    /// <summary>Its own surviving instances meet <c>minHealthy</c> and the quorum.</summary>
    public required bool OwnUp { get; init; }

    /// <summary>Capabilities it depends on (directly or transitively) that are down in this outage.</summary>
    public required ImmutableArray<string> BrokenDependencies { get; init; }

    public bool Up => OwnUp && BrokenDependencies.IsEmpty;
}
