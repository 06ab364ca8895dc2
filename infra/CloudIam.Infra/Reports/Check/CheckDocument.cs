using System.Collections.Immutable;
using CloudIam.Placement.Evaluation;

namespace CloudIam.Infra.Reports.Check;

/// <summary>
/// The DESIGN §6 JSON shape of a check (built by <see cref="CheckJson"/>), also embedded in plan's report.json.
/// The serializer writes members in declaration order, so the order of each record below is the document's.
/// </summary>
public sealed record CheckDocument(
    Verdict Verdict,
    ImmutableArray<CapabilityEntry> Capabilities,
    ImmutableArray<ViolationEntry> Violations,
    ImmutableArray<SuppressedEntry> Suppressed,
    ImmutableSortedDictionary<string, int> UndeclaredCapabilities,
    ImmutableArray<DeploymentEntry> Deployments,
    ImmutableArray<TimeToTargetEntry> TimeToTarget);

/// <param name="Instances">Null, so left out of the document, in a summary listing.</param>
public sealed record CapabilityEntry(
    string Name,
    bool Critical,
    ImmutableArray<string> Providers,
    int InstanceCount,
    ImmutableArray<PlacementEntry> Placements,
    ImmutableArray<InstanceEntry>? Instances,
    ResilienceEntry Resilience);

public sealed record PlacementEntry(string Provider, string? Region, int Instances, ImmutableArray<string> SharedDomains);

public sealed record InstanceEntry(string Urn, string Provider, string? Region, ImmutableArray<string> Domains);

public sealed record ResilienceEntry(int? Degree, int SearchedUpTo, ImmutableArray<string> Witness, string? Through);

/// <summary>A violation as check, plan and diff show it (built by <see cref="ViolationView.Json"/>).</summary>
public sealed record ViolationEntry(string Rule, string Capability, string Severity, ImmutableArray<string> Domains, string Message, string Suggestion);

public sealed record SuppressedEntry(ViolationEntry Violation, string? Reason, string? Expires);

/// <summary>An observed instance as check and simulate show it (built by <see cref="WatchedText.Json"/>).</summary>
public sealed record DeploymentEntry(
    string Name,
    string Capability,
    string Provider,
    string? Region,
    bool Down,
    ImmutableArray<WatcherEntry> SeenBy,
    ImmutableArray<string>? PagedThrough);

public sealed record WatcherEntry(string Name, string Capability);

public sealed record TimeToTargetEntry(
    string Path,
    string Target,
    int WorstCaseSeconds,
    int? BudgetSeconds,
    bool WithinBudget,
    ImmutableArray<AlertStepEntry> Steps);

public sealed record AlertStepEntry(string Setting, int WorstSeconds);
