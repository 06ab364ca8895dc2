using System.Collections.Immutable;
using CloudIam.Infra.Compilation;
using CloudIam.Infra.Components.Exposure;
using CloudIam.Infra.Security;
using CloudIam.Placement.Analysis;
using CloudIam.Placement.Design;
using CloudIam.Placement.Domains;
using CloudIam.Placement.Evaluation;
using CloudIam.Placement.Policy;
using CloudIam.Placement.Simulation;
using CloudIam.Pulumi.Graph;
using CloudIam.Pulumi.Inference;
using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.Watching;

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

    /// <summary>Rules a provider of the plan does not offer the settings of, by check then provider, each once.</summary>
    public required ImmutableArray<NotApplicable> SecurityNotApplicable { get; init; }

    /// <summary>How the tooling is reached; null when the stack publishes nothing.</summary>
    public ExposurePlan? Exposure { get; init; }

    /// <summary>Per site: probes, alert routes and receivers, dead man's switch, log shipper, datasources, volumes.</summary>
    public required ImmutableArray<SiteWatch> Watch { get; init; }

    public bool Passes => Policy.Verdict == Verdict.Pass && SecurityFindings.IsEmpty;

    /// <summary>
    /// One stack, or several planned as one design (DESIGN §7.2). The policy checks the design as
    /// <paramref name="withPipelines"/> extends it (the pipelines' deploy jobs); the resource counts stay the program's.
    /// </summary>
    public static PlanReport Build(IReadOnlyList<CompiledStack> stacks, PlacementPolicy policy, DateOnly today, Func<PlacementDesign, PlacementDesign> withPipelines)
    {
        var design = stacks.Count == 1
            ? stacks[0].Design
            : CompiledStack.Watch(PlacementInference.Infer(ResourceGraphs.Merge([.. stacks.Select(s => s.Graph)])), [], [.. stacks.Select(s => (s.Config, s.Graph))]);
        var analysis = DesignAnalysis.Build(withPipelines(design), policy, ProviderCatalog.Shipped.Services);

        // What the program declares: the deployments and receivers the design watches are not Pulumi resources.
        var byProvider = design.Resources
            .Where(r => !WatchedDesign.Adds(r))
            .GroupBy(r => r.Placement?.Provider ?? Unplaced, StringComparer.Ordinal)
            .ToImmutableSortedDictionary(
                g => g.Key,
                g => g.GroupBy(r => policy.CapabilityOf(r) ?? Untagged, StringComparer.Ordinal).ToImmutableSortedDictionary(c => c.Key, c => c.Count(), StringComparer.Ordinal),
                StringComparer.Ordinal);
        return new PlanReport
        {
            Stack = string.Join(" + ", stacks.Select(s => s.Config.Stack)),
            Source = string.Join(" + ", stacks.Select(s => s.Config.Source)),
            ResourceCount = stacks.Sum(s => s.Program.Resources.Length),
            ResourcesByProvider = byProvider,
            Policy = PolicyEngine.Evaluate(analysis, today),
            Outages = OutageMatrix.Build(analysis, DomainKind.Provider, DomainKind.Region, DomainKind.Service),
            SecurityFindings = [.. stacks.SelectMany(s => s.SecurityFindings)],
            SecurityChecks = SecurityBaseline.Checks.Length,
            SecurityNotApplicable = [.. stacks.SelectMany(s => s.SecurityNotApplicable).Distinct()
                .OrderBy(item => item.CheckId, StringComparer.Ordinal).ThenBy(item => item.Provider, StringComparer.Ordinal)],
            // A multi-stack plan has one exposure per stack; the section covers single-stack plans (prod, staging).
            Exposure = stacks.Count == 1 ? ExposurePlan.Of(stacks[0].Config, SiteCatalog.For) : null,
            Watch = [.. stacks.SelectMany(s => SiteWatch.For(s.Config))],
        };
    }
}
