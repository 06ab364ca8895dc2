using System.Collections.Immutable;
using CloudIam.Infra.Compilation;
using CloudIam.Infra.Security;
using CloudIam.Placement.Analysis;
using CloudIam.Placement.Domains;
using CloudIam.Placement.Evaluation;
using CloudIam.Placement.Policy;
using CloudIam.Placement.Simulation;
using CloudIam.Pulumi.Providers;

namespace CloudIam.Infra.Reports;

/// <summary>
/// The offline preview of a stack: what would be created where, whether the placement policy and the
/// security baseline accept it, and what each single outage would leave.
/// </summary>
public sealed record PlanReport
{
    public const string Untagged = "(no capability)";
    public const string Unplaced = "(unplaced)";

    public required string Stack { get; init; }

    public required string Source { get; init; }

    public required int ResourceCount { get; init; }

    /// <summary>Provider → capability → resource count; both levels in ordinal order.</summary>
    public required ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, int>> ResourcesByProvider { get; init; }

    public required PolicyReport Policy { get; init; }

    /// <summary>Each critical capability against the loss of each provider, region and provider service.</summary>
    public required OutageMatrix Outages { get; init; }

    public required ImmutableArray<SecurityFinding> SecurityFindings { get; init; }

    public required int SecurityChecks { get; init; }

    /// <summary>Per site: probes, alert routes and receivers, dead man's switch, log shipper, datasources, volumes.</summary>
    public required ImmutableArray<SiteWatch> Watch { get; init; }

    public bool Passes => Policy.Verdict == Verdict.Pass && SecurityFindings.IsEmpty;

    public static PlanReport Build(CompiledStack compiled, PlacementPolicy policy, DateOnly today)
    {
        var analysis = DesignAnalysis.Build(compiled.Design, policy, ProviderCatalog.Shipped.Services);
        var byProvider = compiled.Design.Resources
            .GroupBy(r => r.Placement?.Provider ?? Unplaced, StringComparer.Ordinal)
            .ToImmutableSortedDictionary(
                g => g.Key,
                g => g.GroupBy(r => policy.CapabilityOf(r) ?? Untagged, StringComparer.Ordinal).ToImmutableSortedDictionary(c => c.Key, c => c.Count(), StringComparer.Ordinal),
                StringComparer.Ordinal);
        return new PlanReport
        {
            Stack = compiled.Config.Stack,
            Source = compiled.Config.Source,
            ResourceCount = compiled.Program.Resources.Length,
            ResourcesByProvider = byProvider,
            Policy = PolicyEngine.Evaluate(analysis, today),
            Outages = OutageMatrix.Build(analysis, DomainKind.Provider, DomainKind.Region, DomainKind.Service),
            SecurityFindings = compiled.SecurityFindings,
            SecurityChecks = SecurityBaseline.Checks.Length,
            Watch = SiteWatch.For(compiled.Config),
        };
    }
}
