using System.Collections.Immutable;

namespace CloudIam.Placement.Design;

/// <summary>Where one resource runs, as inferred from the resource graph.</summary>
public sealed record ResourcePlacement
{
    public required string Provider { get; init; }

    public string? Region { get; init; }

    public string? Zone { get; init; }

    /// <summary>Names of the private networks / VPCs the resource is attached to.</summary>
    public ImmutableArray<string> Networks { get; init; } = [];

    /// <summary>True when the resource is, or runs on, a provider-managed Kubernetes cluster.</summary>
    public bool OnManagedKubernetes { get; init; }
}
