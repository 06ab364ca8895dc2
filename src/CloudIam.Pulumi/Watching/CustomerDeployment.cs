using System.Collections.Immutable;

namespace CloudIam.Pulumi.Watching;

/// <summary>What the tooling watches and where its alerts land: from stack config, or a deployments file for exports.</summary>
public sealed record WatchList
{
    public required ImmutableArray<CustomerDeployment> Deployments { get; init; }

    public ImmutableArray<ReceiverHost> Receivers { get; init; } = [];

    /// <summary>Several lists as one, for a design over several stacks: the first entry of a name wins.</summary>
    public static WatchList Combine(IEnumerable<WatchList> lists)
    {
        var all = lists.ToList();
        return new WatchList
        {
            Deployments = [.. all.SelectMany(l => l.Deployments).DistinctBy(d => d.Name, StringComparer.Ordinal)],
            Receivers = [.. all.SelectMany(l => l.Receivers).DistinctBy(r => r.Name, StringComparer.Ordinal)],
        };
    }
}

/// <summary>
/// A customer deployment the tooling watches. It lives in other stacks (or outside Pulumi), so the design
/// knows it only by its URL and where it runs, as stack config or a deployments file states them.
/// </summary>
public sealed record CustomerDeployment
{
    /// <summary>The capability deployments are instances of (the policy's <c>observes:</c> names it).</summary>
    public const string Capability = "deployments";

    public required string Name { get; init; }

    /// <summary>What probes call; a resource whose inputs contain it probes the deployment.</summary>
    public required string Url { get; init; }

    public required string Provider { get; init; }

    public string? Region { get; init; }

    /// <summary>The private network / VPC it is attached to, by name, where known.</summary>
    public string? Network { get; init; }
}

/// <summary>
/// Where an alert receiver's endpoint (the on-call tool, the team chat) is hosted. Its webhook URL is a secret
/// the design never reads, so its provider is stated, not inferred; none means off every cloud of the design.
/// </summary>
public sealed record ReceiverHost
{
    public required string Name { get; init; }

    public string? Provider { get; init; }

    public string? Region { get; init; }
}
