using System.Collections.Immutable;

namespace CloudIam.Placement.Simulation;

/// <summary>A named outage to replay against a design, read from a scenario YAML file.</summary>
public sealed record Scenario
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Where the real incident is documented, if it is one.</summary>
    public string? Reference { get; init; }

    /// <summary>Failure-domain identifiers; <c>*</c> globs the name part.</summary>
    public required ImmutableArray<string> Outage { get; init; }

    /// <summary>The file, for messages.</summary>
    public required string Source { get; init; }
}
