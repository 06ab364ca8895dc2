using System.Collections.Immutable;
using CloudIam.Placement.Design;
using CloudIam.Placement.Domains;

namespace CloudIam.Placement.Policy;

/// <summary>A policy file (DESIGN §5): which capabilities exist and what each needs to survive.</summary>
public sealed record PlacementPolicy
{
    /// <summary>The file it was read from, for messages.</summary>
    public required string Source { get; init; }

    public PolicyDefaults Defaults { get; init; } = new();

    /// <summary>By capability name, ordinal order.</summary>
    public required ImmutableSortedDictionary<string, CapabilitySpec> Capabilities { get; init; }

    public ImmutableArray<MatchRule> Match { get; init; } = [];

    public RecoverySpec? Recovery { get; init; }

    public ImmutableArray<Suppression> Suppressions { get; init; } = [];

    /// <summary>Longest acceptable worst-case time from a deployment failing to each target (PL011).</summary>
    public ImmutableSortedDictionary<AlertTarget, TimeSpan> Budgets { get; init; } = ImmutableSortedDictionary<AlertTarget, TimeSpan>.Empty;
}

public sealed record PolicyDefaults
{
    public int MinProviders { get; init; } = 2;

    public ImmutableArray<DomainKind> Survive { get; init; } = [.. Enum.GetValues<DomainKind>()];
}

public enum Quorum
{
    None,
    Majority,
}

public sealed record CapabilitySpec
{
    public required string Name { get; init; }

    public bool Critical { get; init; }

    /// <summary>Instances that must stay up; 1 unless the policy says otherwise.</summary>
    public int MinHealthy { get; init; } = 1;

    /// <summary>Overrides <see cref="PolicyDefaults.MinProviders"/> for this capability.</summary>
    public int? MinProviders { get; init; }

    public Quorum Quorum { get; init; } = Quorum.None;

    /// <summary>Capabilities this one watches; losing both in one outage makes the outage invisible (PL004).</summary>
    public ImmutableArray<string> Observes { get; init; } = [];

    /// <summary>Capabilities this one cannot work without (PL007), e.g. dashboards → metrics.</summary>
    public ImmutableArray<string> DependsOn { get; init; } = [];

    public CapacitySpec? Capacity { get; init; }

    /// <summary>
    /// Host names people reach this capability at (<c>status.cloud-iam.com</c>), lower case; a design publishes at least
    /// one (each stack its own). Their DNS records are part of the capability: a published host whose records all sit
    /// with one DNS provider breaks with it (PL010).
    /// </summary>
    public ImmutableArray<string> PublicHosts { get; init; } = [];

    /// <summary>Overrides <see cref="PolicyDefaults.Survive"/> for this capability.</summary>
    public ImmutableArray<DomainKind>? Survive { get; init; }
}

/// <summary>Where an instance's capacity is read (a dotted path into its inputs) and how much must remain.</summary>
public sealed record CapacitySpec
{
    public required string Property { get; init; }

    public required double MinAfterLoss { get; init; }
}

/// <summary>Gives a capability to resources that carry no capability tag; every given field must match.</summary>
public sealed record MatchRule
{
    public required string Capability { get; init; }

    /// <summary>Exact type token.</summary>
    public string? Type { get; init; }

    /// <summary>Glob on the resource name (<c>*</c> and <c>?</c>).</summary>
    public string? Name { get; init; }

    /// <summary>Glob on the whole URN.</summary>
    public string? Urn { get; init; }

    /// <summary>Line of the rule in the policy file, for messages.</summary>
    public int Line { get; init; }
}

/// <summary>What it takes to apply a fix to a failing provider (PL005).</summary>
public sealed record RecoverySpec
{
    /// <summary>Capabilities that must keep an instance off any failing provider.</summary>
    /// <remarks>
    /// The state backend and the secrets provider are not policy: they are read with the deploy jobs from the
    /// repository's pipelines (the <c>recovery</c> capability), where they are actually configured.
    /// </remarks>
    public ImmutableArray<string> Capabilities { get; init; } = [];
}

public sealed record Suppression
{
    public required string Rule { get; init; }

    public string? Capability { get; init; }

    public string? Reason { get; init; }

    public DateOnly? Expires { get; init; }

    public int Line { get; init; }
}
