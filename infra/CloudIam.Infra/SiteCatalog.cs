using System.Collections.Immutable;
using CloudIam.Infra.Platform;
using CloudIam.Infra.Platform.Aws;
using CloudIam.Infra.Platform.Scaleway;
using CloudIam.Infra.Stacks;

namespace CloudIam.Infra;

/// <summary>The providers a stack can place clusters on: the composition root's list of site classes.</summary>
public static class SiteCatalog
{
    public static ImmutableArray<ISite> All { get; } = [new ScalewaySite(), new AwsSite()];

    /// <summary>What stack config validation needs of the sites.</summary>
    public static ClusterProviders ClusterProviders { get; } =
        new(All.ToImmutableSortedDictionary(site => site.Provider, site => site.MinZones, StringComparer.Ordinal));

    public static ISite For(string provider) =>
        All.FirstOrDefault(site => site.Provider == provider)
        ?? throw new ArgumentException($"no site class for provider '{provider}'", nameof(provider));
}
