using System.Collections.Immutable;
using CloudIam.Infra.Reports.Check;

namespace CloudIam.Infra.Reports;

/// <summary>
/// The shape of <c>simulate --format json</c> (built by <see cref="SimulationFormatter"/>). The serializer writes
/// members in declaration order, so the order of each record below is the document's.
/// </summary>
/// <param name="Observers">The capabilities that observe others, with what the outage leaves of them.</param>
/// <param name="Recovery">The capabilities a fix is applied with, with what the outage leaves of them.</param>
public sealed record SimulationDocument(
    string Design,
    string? Scenario,
    ImmutableArray<string> Outage,
    ImmutableArray<string> OutsideDesign,
    bool AllCriticalUp,
    ImmutableArray<SimulatedCapabilityEntry> Capabilities,
    ImmutableArray<DeploymentEntry> Deployments,
    ImmutableArray<PublicHostEntry> PublicHosts,
    ImmutableArray<CapabilityLeftEntry> Observers,
    ImmutableArray<CapabilityLeftEntry> Recovery);

public sealed record SimulatedCapabilityEntry(
    string Name,
    bool Critical,
    int Before,
    int After,
    bool Up,
    ImmutableArray<string> BrokenDependencies,
    ImmutableArray<string> Remaining);

public sealed record PublicHostEntry(
    string Host,
    string Capability,
    bool Resolves,
    ImmutableArray<string> AnsweringDns,
    ImmutableArray<string> LostDns,
    ImmutableArray<string> LiveInstances);

/// <param name="Remaining">The instances the outage leaves.</param>
public sealed record CapabilityLeftEntry(string Capability, int Before, ImmutableArray<string> Remaining);
