using System.Collections.Immutable;
using CloudIam.Placement.Design;
using CloudIam.Placement.Domains;

namespace CloudIam.Placement.Analysis;

/// <summary>One resource that provides a capability, with the domains whose loss takes it down.</summary>
public sealed class Instance
{
    private readonly DomainTable _domains;

    internal Instance(DesignResource resource, string capability, double capacity, int[] ownDomains, int[] effectiveDomains, DomainTable domains)
    {
        Resource = resource;
        Capability = capability;
        Capacity = capacity;
        OwnDomainSet = ownDomains;
        EffectiveDomainSet = effectiveDomains;
        _domains = domains;
    }

    public DesignResource Resource { get; }

    public string Capability { get; }

    /// <summary>The number at the policy's <c>capacity.property</c>, 1 when absent.</summary>
    public double Capacity { get; }

    public string Urn => Resource.Urn;

    public ResourcePlacement Placement => Resource.Placement!;

    /// <summary>Its own domains and those of everything it depends on, transitively.</summary>
    public ImmutableArray<FailureDomain> Domains => _domains.Resolve(EffectiveDomainSet);

    /// <summary>The identifiers of <see cref="Domains"/>, shared by every instance with the same domains.</summary>
    public ImmutableArray<string> DomainIds => _domains.Ids(EffectiveDomainSet);

    /// <summary>
    /// The domains of its own placement only: a domain in <see cref="Domains"/> but not here takes the
    /// instance down through something it depends on, a coupling nobody sees in the resource itself.
    /// </summary>
    public ImmutableArray<FailureDomain> OwnDomains => _domains.Resolve(OwnDomainSet);

    internal int[] OwnDomainSet { get; }

    internal int[] EffectiveDomainSet { get; }

    internal bool IsLostIn(OutageSet outage) => outage.Hits(EffectiveDomainSet);
}
