using System.Collections.Frozen;
using System.Collections.Immutable;
using CloudIam.Placement;
using CloudIam.Placement.Catalog;
using CloudIam.Placement.Design;

namespace CloudIam.Pulumi.Providers;

/// <summary>
/// Everything the checker knows of cloud providers, merged from one provider file each: the files shipped
/// in <c>Providers/*.yaml</c> (<see cref="Shipped"/>) plus any added with <see cref="With"/>. Built once and
/// immutable; every lookup inference makes per resource is a frozen-dictionary hit or an already compiled pattern.
/// </summary>
public sealed class ProviderCatalog
{
    private const string ResourcePrefix = "providers/";

    private static readonly Lazy<ProviderCatalog> ShippedCatalog = new(LoadShipped);

    private readonly FrozenDictionary<string, ResourceRole> _roles;
    private readonly FrozenDictionary<string, ProviderDefinition> _byPackage;
    private readonly FrozenDictionary<string, ProviderDefinition>.AlternateLookup<ReadOnlySpan<char>> _byPackageSpan;
    private readonly string[] _globalModules;

    private ProviderCatalog(ImmutableArray<ProviderDefinition> providers)
    {
        Providers = providers;
        var roles = new Dictionary<string, ResourceRole>(StringComparer.Ordinal);
        var byPackage = new Dictionary<string, ProviderDefinition>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var provider in providers)
        {
            Check(names.Add(provider.Name), provider, $"provider '{provider.Name}' is defined twice");
            foreach (var package in provider.Packages)
            {
                Check(byPackage.TryAdd(package, provider), provider, $"package '{package}' already belongs to provider '{byPackage[package].Name}'");
            }

            foreach (var (type, role) in provider.Roles)
            {
                Check(roles.TryAdd(type, role), provider, $"type '{type}' already has a role in another provider file");
            }
        }

        _roles = roles.ToFrozenDictionary(StringComparer.Ordinal);
        _byPackage = byPackage.ToFrozenDictionary(StringComparer.Ordinal);
        _byPackageSpan = _byPackage.GetAlternateLookup<ReadOnlySpan<char>>();
        _globalModules = [.. providers.SelectMany(p => p.GlobalModules)];
        RegionKeys = Union(p => p.Inputs.Region);
        ZoneKeys = Union(p => p.Inputs.Zone);
        NetworkKeys = Union(p => p.Inputs.Network);
        SubnetKeys = Union(p => p.Inputs.Subnet);
        Services = new ProviderServiceCatalog(providers
            .Where(p => !p.Services.IsEmpty)
            .ToImmutableSortedDictionary(p => p.Name, p => p.Services, StringComparer.Ordinal));
    }

    /// <summary>The provider files built into the program, read once on first use.</summary>
    public static ProviderCatalog Shipped => ShippedCatalog.Value;

    /// <summary>In file-name order.</summary>
    public ImmutableArray<ProviderDefinition> Providers { get; }

    /// <summary>The provider-internal services of every provider, as the placement library takes them.</summary>
    public ProviderServiceCatalog Services { get; }

    /// <summary>Input names that carry a region, of every provider, in catalog order.</summary>
    public ImmutableArray<string> RegionKeys { get; }

    public ImmutableArray<string> ZoneKeys { get; }

    public ImmutableArray<string> NetworkKeys { get; }

    public ImmutableArray<string> SubnetKeys { get; }

    /// <summary>A catalog from provider definitions; duplicate providers, packages or type tokens are bad input.</summary>
    public static ProviderCatalog Of(IEnumerable<ProviderDefinition> providers) => new([.. providers]);

    /// <summary>This catalog plus the provider files at <paramref name="paths"/>.</summary>
    public ProviderCatalog With(params IEnumerable<string> paths) =>
        Of(Providers.Concat(paths.Select(ProviderFile.Load)));

    public ProviderDefinition? ByName(string name) => Providers.FirstOrDefault(p => p.Name == name);

    /// <summary>The provider a type token belongs to, by its package (the part before the first colon).</summary>
    public ProviderDefinition? OfType(string type) =>
        type.IndexOf(':') is var colon and > 0 && _byPackageSpan.TryGetValue(type.AsSpan(0, colon), out var provider) ? provider : null;

    public ResourceRole? RoleOf(string type) => _roles.TryGetValue(type, out var role) ? role : null;

    public bool Is(string type, ResourceRole role) => _roles.TryGetValue(type, out var known) && known == role;

    /// <summary>Account- or organization-wide resources, placed on their provider only.</summary>
    public bool IsGlobal(string type)
    {
        if (Is(type, ResourceRole.Global))
        {
            return true;
        }

        foreach (var module in _globalModules)
        {
            if (type.StartsWith(module, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether resources of this type run on a cluster rather than at a location of their own.</summary>
    public bool RunsOnCluster(string type) => OfType(type) is { RunsOnCluster: true };

    /// <summary>
    /// The region a zone lies in, by the first provider whose zone pattern matches (the shipped patterns
    /// are disjoint: <c>fr-par-1</c> → <c>fr-par</c>, <c>eu-west-3a</c> → <c>eu-west-3</c>). Null for other shapes.
    /// </summary>
    public string? RegionOfZone(string? zone)
    {
        if (zone is null)
        {
            return null;
        }

        foreach (var provider in Providers)
        {
            if (provider.ZoneRegion?.Match(zone) is { Success: true } match)
            {
                return match.Groups["region"].Value;
            }
        }

        return null;
    }

    /// <summary>The managed cluster an API server host belongs to, by the providers' host patterns.</summary>
    public ResourcePlacement? PlaceApiServer(string host)
    {
        foreach (var provider in Providers)
        {
            if (provider.ApiServerHost?.Match(host) is { Success: true } match)
            {
                return new ResourcePlacement { Provider = provider.Name, Region = match.Groups["region"].Value, OnManagedKubernetes = true };
            }
        }

        return null;
    }

    private ImmutableArray<string> Union(Func<ProviderDefinition, ImmutableArray<string>> keys) =>
        [.. Providers.SelectMany(p => keys(p)).Distinct(StringComparer.Ordinal)];

    private static void Check(bool ok, ProviderDefinition provider, string problem)
    {
        if (!ok)
        {
            throw new BadInputException(provider.Source, problem);
        }
    }

    private static ProviderCatalog LoadShipped()
    {
        var assembly = typeof(ProviderCatalog).Assembly;
        return Of(assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return ProviderFile.Parse(reader.ReadToEnd(), name);
            }));
    }
}
