using System.Collections.Immutable;
using CloudIam.Placement.Catalog;
using CloudIam.Placement.Design;
using CloudIam.Placement.Domains;
using CloudIam.Placement.Policy;

namespace CloudIam.Placement.Analysis;

/// <summary>
/// A design read against a policy: every resource's failure domains (its own and, transitively,
/// those of everything it depends on), the instances of each capability, and what any outage does.
/// Built once; every rule, simulation and report reads it.
/// </summary>
public sealed class DesignAnalysis
{
    private readonly Dictionary<string, ResilienceDegree> _resilience = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableArray<string>> _dependencies = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, int> _resourceIndex;
    private readonly EffectiveDomains _effective;
    private Watchers? _watchers;
    private ILookup<string, DesignResource>? _publicRecords;

    private DesignAnalysis(
        PlacementDesign design,
        PlacementPolicy policy,
        ProviderServiceCatalog services,
        DomainTable domains,
        ImmutableSortedDictionary<string, CapabilityAnalysis> capabilities,
        ImmutableSortedDictionary<string, int> undeclared,
        IReadOnlyDictionary<string, int> resourceIndex,
        EffectiveDomains effective)
    {
        Design = design;
        Policy = policy;
        Services = services;
        Domains = domains;
        Capabilities = capabilities;
        UndeclaredCapabilities = undeclared;
        _resourceIndex = resourceIndex;
        _effective = effective;
    }

    public PlacementDesign Design { get; }

    public PlacementPolicy Policy { get; }

    /// <summary>The provider-internal services the domains were derived with; also the providers suggestions may name.</summary>
    public ProviderServiceCatalog Services { get; }

    public DomainTable Domains { get; }

    /// <summary>One entry per capability the policy declares, by name.</summary>
    public ImmutableSortedDictionary<string, CapabilityAnalysis> Capabilities { get; }

    /// <summary>
    /// Capabilities resources are tagged with that the policy does not declare, with their resource
    /// counts: such resources are checked by no rule, which a person should know about.
    /// </summary>
    public ImmutableSortedDictionary<string, int> UndeclaredCapabilities { get; }

    /// <summary>Who probes which instance and how their alerts reach people, from the design's observer edges.</summary>
    public Watchers Watchers => _watchers ??= new Watchers(this);

    /// <summary>The placed public DNS records by the host they publish (PL010, the outage replay).</summary>
    public ILookup<string, DesignResource> PublicRecords => _publicRecords ??= Design.Resources
        .Where(resource => resource is { PublicHost: not null, Placement: not null })
        .ToLookup(resource => resource.PublicHost!, StringComparer.Ordinal);

    /// <summary>The effective domains of any resource of the design, instance or not (a receiver, an Alertmanager).</summary>
    public ImmutableArray<FailureDomain> DomainsOf(string urn) =>
        _resourceIndex.TryGetValue(urn, out var index) ? Domains.Resolve(_effective.Of(index)) : [];

    public DesignResource? Resource(string urn) => _resourceIndex.TryGetValue(urn, out var index) ? Design.Resources[index] : null;

    /// <summary>True when the outage takes the resource down; a URN outside the design is never lost.</summary>
    public bool IsLost(string urn, OutageSet outage) =>
        _resourceIndex.TryGetValue(urn, out var index) && outage.Hits(_effective.Of(index));

    public static DesignAnalysis Build(PlacementDesign design, PlacementPolicy policy, ProviderServiceCatalog services) =>
        new Builder(design, policy, services).Build();

    public OutageSet Outage(params FailureDomain[] failed) =>
        OutageSet.Of(Domains, [.. failed.Where(d => Domains.TryIndexOf(d.Id, out _)).Select(Domains.IndexOf)]);

    /// <summary>
    /// Resolves domain identifiers from the command line or a scenario file. <c>*</c> globs the name
    /// part (<c>scaleway/fr-par/net:*</c>: every fr-par private network of the design). A well-formed
    /// domain the design does not use is kept aside (its loss changes nothing); anything else is bad input.
    /// </summary>
    public OutageSet Outage(IEnumerable<string> ids, string source)
    {
        var inDesign = new SortedSet<int>();
        var outside = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!DomainSyntax.IsWellFormed(id, Domains.All, Services))
            {
                throw new BadInputException(source, $"unknown failure domain '{id}'. {DomainSyntax.Help(id, Domains.All, Services)}");
            }

            var matches = Enumerable.Range(0, Domains.All.Length).Where(i => Glob.IsMatch(id, Domains[i].Id)).ToList();
            inDesign.UnionWith(matches);
            if (matches.Count == 0)
            {
                outside.Add(id);
            }
        }

        return new OutageSet([.. inDesign], [.. inDesign.Select(i => Domains[i])], [.. outside]);
    }

    /// <summary>Every capability's fate in one outage, dependencies included, by capability name.</summary>
    public ImmutableArray<CapabilityOutcome> Evaluate(OutageSet outage) =>
        [.. Capabilities.Keys.Select(name => Evaluate(name, outage))];

    /// <summary>The fate of one capability in one outage.</summary>
    public CapabilityOutcome Evaluate(string capability, OutageSet outage)
    {
        var analysis = Capabilities[capability];
        var (healthy, capacity) = analysis.Survivors(outage);
        return new CapabilityOutcome
        {
            Capability = capability,
            InstancesBefore = analysis.Instances.Length,
            InstancesAfter = healthy,
            CapacityBefore = analysis.TotalCapacity,
            CapacityAfter = capacity,
            OwnUp = analysis.MeetsThreshold(healthy),
            BrokenDependencies = [.. TransitiveDependencies(capability)
                .Where(d => !Capabilities[d].MeetsThreshold(Capabilities[d].Survivors(outage).Healthy))],
        };
    }

    /// <summary>
    /// Capabilities this one needs, directly or through others, in a stable order. Names the policy
    /// does not declare are skipped here (PL009-style validation reports them when loading the policy).
    /// </summary>
    public ImmutableArray<string> TransitiveDependencies(string capability)
    {
        if (!_dependencies.TryGetValue(capability, out var dependencies))
        {
            _dependencies[capability] = dependencies = CollectDependencies(capability);
        }

        return dependencies;
    }

    private ImmutableArray<string> CollectDependencies(string capability)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([capability]);
        while (pending.TryPop(out var current))
        {
            if (!Capabilities.TryGetValue(current, out var analysis))
            {
                continue;
            }

            foreach (var dependency in analysis.Spec.DependsOn)
            {
                if (dependency != capability && Capabilities.ContainsKey(dependency) && seen.Add(dependency))
                {
                    pending.Push(dependency);
                }
            }
        }

        return [.. seen];
    }

    /// <summary>
    /// The resilience degree: a capability is down when its own instances fall below threshold OR
    /// any capability it depends on is down, so its degree is the smallest of those degrees.
    /// </summary>
    public ResilienceDegree Resilience(string capability)
    {
        if (_resilience.TryGetValue(capability, out var known))
        {
            return known;
        }

        var best = Capabilities[capability].OwnResilience();
        foreach (var dependency in TransitiveDependencies(capability))
        {
            var through = Capabilities[dependency].OwnResilience();
            if (Rank(through) < Rank(best))
            {
                best = through with { Through = dependency };
            }
        }

        return _resilience[capability] = best;
    }

    private static int Rank(ResilienceDegree degree) => degree.Degree ?? int.MaxValue;

    private sealed class Builder(PlacementDesign design, PlacementPolicy policy, ProviderServiceCatalog catalog)
    {
        private readonly DomainSetInterner _interner = new();
        private readonly Dictionary<string, int> _resourceIndex = new(StringComparer.Ordinal);
        private readonly Dictionary<string, FailureDomain[]> _domainsByPlacement = new(StringComparer.Ordinal);

        // Inference shares placements between resources of one cluster or network, so most lookups
        // hit by reference and never build the placement's string key.
        private readonly Dictionary<ResourcePlacement, FailureDomain[]> _domainsBySharedPlacement = new(ReferenceEqualityComparer.Instance);

        public DesignAnalysis Build()
        {
            var resources = design.Resources;
            var ownDomains = new FailureDomain[resources.Length][];
            var indexSets = new Dictionary<FailureDomain[], int[]>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < resources.Length; i++)
            {
                _resourceIndex.TryAdd(resources[i].Urn, i);
                ownDomains[i] = resources[i].Placement is { } placement ? DomainsOf(placement) : [];
                indexSets.TryAdd(ownDomains[i], []);
            }

            var table = new DomainTable(indexSets.Keys.SelectMany(domains => domains));
            foreach (var domains in indexSets.Keys.ToList())
            {
                indexSets[domains] = _interner.Intern([.. domains.Select(table.IndexOf).Order()]);
            }

            var own = ownDomains.Select(domains => indexSets[domains]).ToArray();
            var effective = new EffectiveDomains(resources, _resourceIndex, own, _interner, table);

            var instances = new Dictionary<string, ImmutableArray<Instance>.Builder>(StringComparer.Ordinal);
            var unplaced = new Dictionary<string, ImmutableArray<DesignResource>.Builder>(StringComparer.Ordinal);
            foreach (var name in policy.Capabilities.Keys)
            {
                instances[name] = ImmutableArray.CreateBuilder<Instance>();
                unplaced[name] = ImmutableArray.CreateBuilder<DesignResource>();
            }

            var undeclared = new SortedDictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < resources.Length; i++)
            {
                var resource = resources[i];
                if (policy.CapabilityOf(resource) is not { } capability)
                {
                    continue;
                }

                if (!policy.Capabilities.TryGetValue(capability, out var spec))
                {
                    undeclared[capability] = undeclared.GetValueOrDefault(capability) + 1;
                    continue;
                }

                if (resource.Placement is null)
                {
                    unplaced[capability].Add(resource);
                    continue;
                }

                var capacity = spec.Capacity is { } capacitySpec && resource.Properties.TryGetNumber(capacitySpec.Property, out var value) ? value : 1;
                instances[capability].Add(new Instance(resource, capability, capacity, own[i], effective.Of(i), table));
            }

            var capabilities = policy.Capabilities.ToImmutableSortedDictionary(
                pair => pair.Key,
                pair => new CapabilityAnalysis(pair.Value, instances[pair.Key].ToImmutable(), unplaced[pair.Key].ToImmutable(), table),
                StringComparer.Ordinal);
            return new DesignAnalysis(design, policy, catalog, table, capabilities, undeclared.ToImmutableSortedDictionary(StringComparer.Ordinal), _resourceIndex, effective);
        }

        private FailureDomain[] DomainsOf(ResourcePlacement placement)
        {
            if (_domainsBySharedPlacement.TryGetValue(placement, out var shared))
            {
                return shared;
            }

            var key = string.Join('\u001f', placement.Provider, placement.Region, placement.Zone, placement.OnManagedKubernetes, string.Join('\u001e', placement.Networks));
            if (!_domainsByPlacement.TryGetValue(key, out var domains))
            {
                domains = [.. catalog.DomainsOf(placement)];
                _domainsByPlacement[key] = domains;
            }

            return _domainsBySharedPlacement[placement] = domains;
        }
    }
}
