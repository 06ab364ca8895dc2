using System.Collections.Immutable;
using CloudIam.Placement.Design;

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

/// <summary>
/// The settings a program deploys on its alert paths, each with the longest it can wait: from a deployment failing
/// to a page, and to the public status page. Only a compiled program knows them; exports and previews do not say.
/// </summary>
public sealed record AlertTiming
{
    /// <summary>The settings up to the receivers a failing deployment's alert is routed to.</summary>
    public required ImmutableArray<AlertPathStep> ToPage { get; init; }

    /// <summary>The receivers the deployment alert is routed to; paths to the others carry no time.</summary>
    public required ImmutableArray<string> PagedReceivers { get; init; }

    public required ImmutableArray<AlertPathStep> ToPublicStatus { get; init; }

    /// <summary>The capability whose probes publish the public status page (<c>status-page</c>).</summary>
    public required string StatusCapability { get; init; }
}
