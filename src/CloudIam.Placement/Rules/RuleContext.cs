using System.Collections.Immutable;
using CloudIam.Placement.Analysis;
using CloudIam.Placement.Domains;
using CloudIam.Placement.Policy;

namespace CloudIam.Placement.Rules;

/// <summary>What every rule reads: the analysed design and the date suppressions are judged against.</summary>
public sealed record RuleContext
{
    public required DesignAnalysis Analysis { get; init; }

    /// <summary>Rules never read the clock, so a run is reproducible and expiry is testable.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>
    /// The rules being run, in ID order: what a suppression may name. Given by the caller so that no rule
    /// depends on the registry that lists it.
    /// </summary>
    public required ImmutableArray<IPlacementRule> Rules { get; init; }

    public PlacementPolicy Policy => Analysis.Policy;

    /// <summary>Critical capabilities in name order.</summary>
    public IEnumerable<CapabilityAnalysis> CriticalCapabilities => Analysis.Capabilities.Values.Where(c => c.Spec.Critical);

    /// <summary>The domain kinds whose single loss the capability must survive.</summary>
    public ImmutableArray<DomainKind> SurviveKinds(CapabilitySpec spec) => spec.Survive ?? Policy.Defaults.Survive;

    public int MinProviders(CapabilitySpec spec) => spec.MinProviders ?? Policy.Defaults.MinProviders;

    /// <summary>Where suggestions send new instances of each provider: computed once, read by many violations.</summary>
    internal Dictionary<string, string> MainRegions => _mainRegions ??= Suggest.MainRegions(Analysis.Design);

    private Dictionary<string, string>? _mainRegions;

    /// <summary>Single-domain sweeps already computed for this evaluation, by survive kinds and capabilities.</summary>
    internal Dictionary<string, IReadOnlyList<DomainLoss>> SweepCache { get; } = new(StringComparer.Ordinal);
}
