using System.Collections.Immutable;
using CloudIam.Placement.Design;
using CloudIam.Placement.Domains;

namespace CloudIam.Placement.Catalog;

/// <summary>
/// Turns a resource's placement into the failure domains it lives in, including the
/// provider-internal services it silently depends on. The services are data the caller passes in (the
/// program reads them from its provider files); providers absent from the catalog still get provider,
/// region, zone and network domains.
/// </summary>
public sealed class ProviderServiceCatalog
{
    private readonly ImmutableSortedDictionary<string, ImmutableArray<ProviderService>> _services;

    public ProviderServiceCatalog(ImmutableSortedDictionary<string, ImmutableArray<ProviderService>> services) =>
        _services = services;

    public IEnumerable<string> Providers => _services.Keys;

    public ImmutableArray<ProviderService> ServicesOf(string provider) =>
        _services.TryGetValue(provider, out var services) ? services : [];

    /// <summary>Every domain whose failure takes the placed resource down, sorted broadest first.</summary>
    public ImmutableArray<FailureDomain> DomainsOf(ResourcePlacement placement)
    {
        var provider = placement.Provider;
        var domains = new SortedSet<FailureDomain> { FailureDomain.ForProvider(provider) };
        if (placement.Region is { } region)
        {
            domains.Add(FailureDomain.ForRegion(provider, region));
            foreach (var network in placement.Networks)
            {
                domains.Add(FailureDomain.ForNetwork(provider, region, network));
            }
        }

        if (placement.Zone is { } zone)
        {
            domains.Add(FailureDomain.ForZone(provider, zone));
        }

        foreach (var service in ServicesOf(provider).Where(s => Uses(placement, s.UsedBy)))
        {
            if (service.Scope == ServiceScope.Global)
            {
                domains.Add(FailureDomain.ForGlobalService(provider, service.Name));
            }
            else if (placement.Region is { } serviceRegion)
            {
                domains.Add(FailureDomain.ForRegionalService(provider, serviceRegion, service.Name));
            }
        }

        return [.. domains];
    }

    private static bool Uses(ResourcePlacement placement, ServiceUsage usage) => usage switch
    {
        ServiceUsage.All => true,
        ServiceUsage.PrivateNetwork => !placement.Networks.IsEmpty,
        ServiceUsage.Kubernetes => placement.OnManagedKubernetes,
        _ => false,
    };
}
