using System.Collections.Immutable;
using CloudIam.Placement.Analysis;
using CloudIam.Placement.Design;
using CloudIam.Placement.Policy;
using CloudIam.Placement.Rules;

namespace CloudIam.Placement.Evaluation;

public enum Verdict
{
    Pass,
    Fail,
}

/// <summary>The outcome of checking one design against one policy (DESIGN §6 <c>check --format json</c>).</summary>
public sealed record PolicyReport
{
    /// <summary><see cref="Verdict.Fail"/> iff an unsuppressed violation is an <see cref="Severity.Error"/>.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>One per declared capability, by name.</summary>
    public required ImmutableArray<CapabilitySummary> Capabilities { get; init; }

    /// <summary>Unsuppressed violations, by rule, capability, domains, message.</summary>
    public required ImmutableArray<Violation> Violations { get; init; }

    /// <summary>Violations a valid suppression accepted, in the same order.</summary>
    public required ImmutableArray<SuppressedViolation> Suppressed { get; init; }

    /// <summary>Tagged capabilities the policy does not declare, with resource counts: checked by no rule.</summary>
    public ImmutableSortedDictionary<string, int> UndeclaredCapabilities { get; init; } = ImmutableSortedDictionary<string, int>.Empty;

    /// <summary>The observed instances (customer deployments) with where they run, what probes them and how alerts about them page.</summary>
    public ImmutableArray<WatchedInstance> Watched { get; init; } = [];

    /// <summary>The design's alert paths with their worst cases against the policy's budgets (PL011); empty when the design has none.</summary>
    public ImmutableArray<TimeToTarget> TimesToTarget { get; init; } = [];
}

/// <summary>One alert path's worst-case time from a deployment failing to its target, and the budget it is held to.</summary>
public sealed record TimeToTarget
{
    public required AlertPath Path { get; init; }

    public TimeSpan? Budget { get; init; }

    public bool WithinBudget => Budget is not { } budget || Path.WorstCase <= budget;
}

public sealed record CapabilitySummary
{
    private readonly Lazy<ImmutableArray<InstanceSummary>> _instances;

    /// <param name="instances">Lists the instances when <see cref="Instances"/> is first read.</param>
    public CapabilitySummary(Func<ImmutableArray<InstanceSummary>> instances) => _instances = new(instances);

    public required string Name { get; init; }

    public required bool Critical { get; init; }

    /// <summary>Ordinal order.</summary>
    public required ImmutableArray<string> Providers { get; init; }

    public required int InstanceCount { get; init; }

    /// <summary>Instances counted per provider and region, by provider then region (ordinal, no region first).</summary>
    public required ImmutableArray<PlacementSummary> Placements { get; init; }

    /// <summary>
    /// By URN. Listed on first read: at tens of thousands of instances only a full listing needs every one,
    /// and sorting and copying them all would cost more than every rule together.
    /// </summary>
    public ImmutableArray<InstanceSummary> Instances => _instances.Value;

    public required ResilienceDegree Resilience { get; init; }
}

/// <summary>The instances of one capability in one provider region.</summary>
public sealed record PlacementSummary
{
    public required string Provider { get; init; }

    public string? Region { get; init; }

    public required int Instances { get; init; }

    /// <summary>
    /// The domains every one of these instances is lost with (own placement and dependencies), broadest
    /// first: the failures that take this whole part of the capability down at once.
    /// </summary>
    public required ImmutableArray<string> SharedDomains { get; init; }
}

public sealed record InstanceSummary
{
    public required string Urn { get; init; }

    public required string Provider { get; init; }

    public string? Region { get; init; }

    /// <summary>The name of the Kubernetes cluster it runs on, when the design has that cluster.</summary>
    public string? Cluster { get; init; }

    /// <summary>Effective domains (own placement and dependencies), broadest first.</summary>
    public required ImmutableArray<string> Domains { get; init; }
}

public sealed record SuppressedViolation
{
    public required Violation Violation { get; init; }

    /// <summary>The suppression that matched; it has a reason and has not expired.</summary>
    public required Suppression By { get; init; }
}
