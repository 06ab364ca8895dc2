using System.Collections.Immutable;

namespace CloudIam.Placement.Design;

/// <summary>One resource of a design, reduced to what the placement policy needs.</summary>
public sealed record DesignResource
{
    public required string Urn { get; init; }

    public required string Type { get; init; }

    /// <summary>The last URN segment: the Pulumi resource name.</summary>
    public required string Name { get; init; }

    /// <summary>Null when inference could not place the resource (PL008 for critical ones).</summary>
    public ResourcePlacement? Placement { get; init; }

    /// <summary>The capability named by the resource's own tag or label, if any.</summary>
    public string? Capability { get; init; }

    /// <summary>The URN of the Kubernetes cluster resource a workload runs on, when it is in the design.</summary>
    public string? Cluster { get; init; }

    /// <summary>URNs this resource needs at run time; losing one of them loses this resource too.</summary>
    public ImmutableArray<string> Dependencies { get; init; } = [];

    public IPropertyLookup Properties { get; init; } = NoProperties.Instance;

    /// <summary>
    /// The host name this resource publishes when it is a public DNS record (<c>status.cloud-iam.com</c>), lower case
    /// and without the trailing dot; null for everything else. PL010 follows a capability's public hosts through it.
    /// </summary>
    public string? PublicHost { get; init; }
}
