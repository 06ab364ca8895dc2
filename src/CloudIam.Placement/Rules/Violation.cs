using System.Collections.Immutable;

namespace CloudIam.Placement.Rules;

/// <summary>One broken rule, with what a person needs to act on it.</summary>
public sealed record Violation
{
    public required string Rule { get; init; }

    public required string Capability { get; init; }

    public required Severity Severity { get; init; }

    /// <summary>Failure-domain identifiers involved, sorted broadest first.</summary>
    public required ImmutableArray<string> Domains { get; init; }

    /// <summary>One sentence: what is wrong.</summary>
    public required string Message { get; init; }

    /// <summary>A concrete change that fixes it, e.g. "add one alerting instance on aws (eu-west-3)".</summary>
    public required string Suggestion { get; init; }
}
