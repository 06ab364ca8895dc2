namespace CloudIam.Placement.Domains;

/// <summary>
/// One thing that can fail as a unit. <see cref="Id"/> is the stable identifier of DESIGN §4
/// (<c>scaleway</c>, <c>scaleway/fr-par</c>, <c>scaleway/fr-par-1</c>, <c>scaleway/fr-par/net:pn</c>,
/// <c>scaleway/fr-par/svc:dhcp</c>, <c>scaleway/svc:iam</c>) and is what output and the command line use.
/// </summary>
public sealed record FailureDomain(DomainKind Kind, string Id) : IComparable<FailureDomain>
{
    public string Provider => Id.IndexOf('/') is var slash and >= 0 ? Id[..slash] : Id;

    public static FailureDomain ForProvider(string provider) => new(DomainKind.Provider, provider);

    public static FailureDomain ForRegion(string provider, string region) => new(DomainKind.Region, $"{provider}/{region}");

    public static FailureDomain ForZone(string provider, string zone) => new(DomainKind.Zone, $"{provider}/{zone}");

    public static FailureDomain ForNetwork(string provider, string region, string network) =>
        new(DomainKind.Network, $"{provider}/{region}/net:{network}");

    public static FailureDomain ForRegionalService(string provider, string region, string service) =>
        new(DomainKind.Service, $"{provider}/{region}/svc:{service}");

    public static FailureDomain ForGlobalService(string provider, string service) =>
        new(DomainKind.Service, $"{provider}/svc:{service}");

    /// <summary>Broadest kind first, then ordinal by identifier: the order every report uses.</summary>
    public int CompareTo(FailureDomain? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byKind = Kind.CompareTo(other.Kind);
        return byKind != 0 ? byKind : string.CompareOrdinal(Id, other.Id);
    }

    public override string ToString() => Id;
}
