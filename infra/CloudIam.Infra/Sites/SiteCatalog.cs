using System.Collections.Immutable;

namespace CloudIam.Infra.Sites;

/// <summary>The providers a stack can place clusters on.</summary>
public static class SiteCatalog
{
    public static ImmutableArray<ISite> All { get; } = [new ScalewaySite(), new AwsSite()];

    public static IEnumerable<string> Providers => All.Select(site => site.Provider);

    public static ISite? Find(string provider) => All.FirstOrDefault(site => site.Provider == provider);

    public static ISite For(string provider) =>
        Find(provider) ?? throw new ArgumentException($"no site class for provider '{provider}'", nameof(provider));
}
