using System.Collections.Immutable;
using CloudIam.Placement.Design;
using CloudIam.Placement.Policy;

namespace CloudIam.Placement.Analysis;

/// <summary>The instances of one policy capability and the arithmetic of losing some of them.</summary>
public sealed class CapabilityAnalysis
{
    private readonly DomainTable _domains;

    // Instances grouped by their (interned) effective domain set: outages only ever need the counts.
    private readonly InstanceGroup[] _groups;

    internal CapabilityAnalysis(CapabilitySpec spec, ImmutableArray<Instance> instances, ImmutableArray<DesignResource> unplaced, DomainTable domains)
    {
        Spec = spec;
        Instances = instances;
        Unplaced = unplaced;
        _domains = domains;
        _groups = [.. instances
            .GroupBy(i => i.EffectiveDomainSet, ReferenceEqualityComparer.Instance)
            .Select(g => new InstanceGroup((int[])g.Key!, g.Count(), g.Sum(i => i.Capacity)))];
        Providers = [.. instances.Select(i => i.Placement.Provider).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        CandidateDomainIndices = [.. _groups.SelectMany(g => g.Domains).Distinct().Order()];
        TotalCapacity = _groups.Sum(g => g.Capacity);
    }

    public string Name => Spec.Name;

    public CapabilitySpec Spec { get; }

    /// <summary>Placed instances, in design order.</summary>
    public ImmutableArray<Instance> Instances { get; }

    /// <summary>Resources of this capability whose placement could not be inferred.</summary>
    public ImmutableArray<DesignResource> Unplaced { get; }

    /// <summary>Distinct providers of the instances, ordinal order.</summary>
    public ImmutableArray<string> Providers { get; }

    public double TotalCapacity { get; }

    /// <summary>Indices of the only domains whose loss can touch this capability's own instances.</summary>
    internal ImmutableArray<int> CandidateDomainIndices { get; }

    internal (int Healthy, double Capacity) Survivors(OutageSet outage)
    {
        var healthy = 0;
        var capacity = 0.0;
        foreach (var group in _groups)
        {
            if (!outage.Hits(group.Domains))
            {
                healthy += group.Count;
                capacity += group.Capacity;
            }
        }

        return (healthy, capacity);
    }

    /// <summary>
    /// Which instance groups an outage takes down, as a compact key: two outages with equal keys lose
    /// exactly the same instances. Cheaper than comparing instances, since groups are few.
    /// </summary>
    internal string LostGroupsKey(OutageSet outage)
    {
        var key = new System.Text.StringBuilder();
        for (var g = 0; g < _groups.Length; g++)
        {
            if (outage.Hits(_groups[g].Domains))
            {
                key.Append(g).Append(',');
            }
        }

        return key.ToString();
    }

    internal bool MeetsThreshold(int healthy) =>
        Instances.Length > 0
        && healthy >= Spec.MinHealthy
        && (Spec.Quorum != Quorum.Majority || 2 * healthy > Instances.Length);

    /// <summary>How many instances must be lost, at the least, for <see cref="MeetsThreshold"/> to fail.</summary>
    internal int LossThatBreaks()
    {
        var total = Instances.Length;
        var byMinHealthy = total - Spec.MinHealthy + 1;
        var byQuorum = Spec.Quorum == Quorum.Majority ? total - (total / 2) : int.MaxValue;
        return Math.Max(0, Math.Min(byMinHealthy, byQuorum));
    }

    internal ResilienceDegree OwnResilience()
    {
        var need = LossThatBreaks();
        if (need == 0 || !MeetsThreshold(Instances.Length))
        {
            return new ResilienceDegree { Degree = 0, Witness = [] };
        }

        var search = new HittingSetSearch(_groups, CandidateDomainIndices);
        var witness = search.Find(need, ResilienceDegree.MaxSearched);
        return witness is null
            ? ResilienceDegree.Beyond
            : new ResilienceDegree { Degree = witness.Length, Witness = [.. witness.Order().Select(i => _domains[i].Id)] };
    }

    internal sealed record InstanceGroup(int[] Domains, int Count, double Capacity);
}
