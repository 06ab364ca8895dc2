using System.Collections.Immutable;
using CloudIam.Placement.Analysis;

namespace CloudIam.Placement.Simulation;

/// <summary>
/// Whether a capability's public host (<c>status.cloud-iam.com</c>) still leads people to a live instance during an
/// outage: some DNS provider that publishes it still answers, and some instance of the capability is still up. The
/// records are taken to point at every site that serves the host with health checks, as PL010 asks; a record is
/// lost with its own DNS service, not with the sites it points at, since its health checks steer around those.
/// </summary>
public sealed record PublicHostReach
{
    public required string Host { get; init; }

    public required string Capability { get; init; }

    /// <summary>DNS providers whose records of the host still answer.</summary>
    public required ImmutableArray<string> AnsweringDns { get; init; }

    /// <summary>DNS providers whose records of the host the outage takes down.</summary>
    public required ImmutableArray<string> LostDns { get; init; }

    /// <summary>Instances of the capability left to answer behind the name.</summary>
    public required ImmutableArray<string> LiveInstances { get; init; }

    public bool Resolves => !AnsweringDns.IsEmpty && !LiveInstances.IsEmpty;

    /// <summary>Every published host of every capability with <c>publicHosts</c>, in policy order.</summary>
    public static ImmutableArray<PublicHostReach> Of(DesignAnalysis analysis, OutageSet outage)
    {
        var failed = outage.Domains.ToHashSet();
        var records = analysis.PublicRecords;
        return [.. analysis.Capabilities.Values
            .SelectMany(capability => capability.Spec.PublicHosts.Where(records.Contains).Select(host =>
            {
                var answering = records[host].ToLookup(record => analysis.Services.DomainsOf(record.Placement!).Any(failed.Contains));
                return new PublicHostReach
                {
                    Host = host,
                    Capability = capability.Name,
                    AnsweringDns = Providers(answering[false]),
                    LostDns = Providers(answering[true]),
                    LiveInstances = [.. capability.Instances.Where(instance => !instance.IsLostIn(outage)).Select(instance => instance.Resource.Name)],
                };
            }))];
    }

    private static ImmutableArray<string> Providers(IEnumerable<Design.DesignResource> records) =>
        [.. records.Select(record => record.Placement!.Provider).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
