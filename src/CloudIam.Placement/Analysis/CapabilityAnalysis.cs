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

    // Domain index -> the groups it takes down, ascending: an outage reads only the groups it hits, so a
    // sweep over every domain costs the sum of the groups' domain counts, not domains x groups.
    private readonly Dictionary<int, int[]> _groupsByDomain;

    // With whole-number capacities, subtracting what an outage takes from the total is exact (and so equal
    // to summing what survives); otherwise the survivors are summed in group order, as the total was.
    private readonly bool _wholeCapacities;

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
        _groupsByDomain = GroupsByDomain(_groups);
        CandidateDomainIndices = [.. _groupsByDomain.Keys.Order()];
        TotalCapacity = _groups.Sum(g => g.Capacity);
        _wholeCapacities = instances.All(i => double.IsInteger(i.Capacity)) && Math.Abs(TotalCapacity) < MaxExactWhole
            && instances.Sum(i => Math.Abs(i.Capacity)) < MaxExactWhole;
    }

    /// <summary>Every integer up to 2^53 is a double, so sums and differences of such integers are exact.</summary>
    private const double MaxExactWhole = 9007199254740992;

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
        var lost = LostGroups(outage);
        if (lost.Length == 0)
        {
            return (Instances.Length, TotalCapacity);
        }

        var healthy = Instances.Length;
        foreach (var g in lost)
        {
            healthy -= _groups[g].Count;
        }

        return (healthy, _wholeCapacities ? TotalCapacity - lost.Sum(g => _groups[g].Capacity) : SurvivingCapacity(lost));
    }

    /// <summary>The capacity of every group not in <paramref name="lost"/> (ascending), summed in group order.</summary>
    private double SurvivingCapacity(int[] lost)
    {
        var capacity = 0.0;
        var next = 0;
        for (var g = 0; g < _groups.Length; g++)
        {
            if (next < lost.Length && lost[next] == g)
            {
                next++;
                continue;
            }

            capacity += _groups[g].Capacity;
        }

        return capacity;
    }

    /// <summary>The groups an outage takes down, ascending.</summary>
    internal int[] LostGroups(OutageSet outage)
    {
        int[]? only = null;
        SortedSet<int>? several = null;
        foreach (var domain in outage.Indices)
        {
            if (!_groupsByDomain.TryGetValue(domain, out var groups))
            {
                continue;
            }

            if (only is null)
            {
                only = groups;
            }
            else
            {
                several ??= [.. only];
                several.UnionWith(groups);
            }
        }

        return several is not null ? [.. several] : only ?? [];
    }

    /// <summary>
    /// Which instance groups an outage takes down, as a compact key: two outages with equal keys lose
    /// exactly the same instances. Cheaper than comparing instances, since groups are few.
    /// </summary>
    internal string LostGroupsKey(OutageSet outage) => string.Join(',', LostGroups(outage));

    /// <summary>Each domain of any group, with the groups it is in, ascending.</summary>
    internal static Dictionary<int, int[]> GroupsByDomain(IReadOnlyList<InstanceGroup> groups)
    {
        var lists = new Dictionary<int, List<int>>();
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var domain in groups[g].Domains)
            {
                if (!lists.TryGetValue(domain, out var list))
                {
                    lists[domain] = list = [];
                }

                list.Add(g);
            }
        }

        return lists.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());
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

        var search = new HittingSetSearch(_groups, CandidateDomainIndices, _groupsByDomain);
        var witness = search.Find(need, ResilienceDegree.MaxSearched);
        return witness is null
            ? ResilienceDegree.Beyond
            : new ResilienceDegree { Degree = witness.Length, Witness = [.. witness.Order().Select(i => _domains[i].Id)] };
    }

    internal sealed record InstanceGroup(int[] Domains, int Count, double Capacity);
}
