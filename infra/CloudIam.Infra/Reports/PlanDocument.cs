using System.Collections.Immutable;
using CloudIam.Infra.Components.Exposure;
using CloudIam.Infra.Reports.Check;
using CloudIam.Placement.Domains;

namespace CloudIam.Infra.Reports;

/// <summary>
/// The shape of plan's report.json (built by <see cref="PlanFormatter.Json"/>). The serializer writes members in
/// declaration order, so the order of each record below is the document's.
/// </summary>
/// <param name="Verdict">"pass" or "fail": placement and security baseline together.</param>
public sealed record PlanDocument(
    string Stack,
    string Source,
    string Verdict,
    int Resources,
    ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, int>> ResourcesByProvider,
    CheckDocument Policy,
    ImmutableArray<OutageRowEntry> OutageMatrix,
    ImmutableArray<WatchSiteEntry> Watch,
    SecurityEntry Security,
    ExposurePlan? Exposure);

/// <param name="Capabilities">Every critical capability after losing <paramref name="Domain"/>.</param>
public sealed record OutageRowEntry(string Domain, DomainKind Kind, ImmutableArray<OutcomeEntry> Capabilities);

public sealed record OutcomeEntry(string Name, int Before, int After, bool Up);

public sealed record WatchSiteEntry(string Site, string Provider, ImmutableArray<WatchSectionEntry> Sections);

public sealed record WatchSectionEntry(string Name, ImmutableArray<string> Items);

public sealed record SecurityEntry(int Checks, ImmutableArray<SecurityFindingEntry> Findings, ImmutableArray<NotApplicableEntry> NotApplicable);

public sealed record SecurityFindingEntry(string Check, string Resource, string Message);

public sealed record NotApplicableEntry(string Check, string Provider, string Reason);
