using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CloudIam.Placement.Domains;
using CloudIam.Placement.Policy;

namespace CloudIam.Placement.Catalog;

/// <summary>Validates failure-domain identifiers typed by people (DESIGN §4 grammar).</summary>
public static partial class DomainSyntax
{
    /// <summary>
    /// True for <c>provider</c>, <c>provider/location</c>, <c>provider/region/net:name</c>,
    /// <c>provider/region/svc:name</c> and <c>provider/svc:name</c>, where the provider is one the
    /// design uses or the catalog knows. <c>*</c> may stand in the name parts (<c>scaleway/fr-par/net:*</c>).
    /// </summary>
    public static bool IsWellFormed(string id, ImmutableArray<FailureDomain> known, ProviderServiceCatalog services)
    {
        var match = Grammar().Match(id);
        if (!match.Success)
        {
            return false;
        }

        var provider = match.Groups["provider"].Value;
        var providerKnown = known.Any(d => d.Provider == provider)
            || services.Providers.Contains(provider, StringComparer.Ordinal);

        // A provider service must be one the catalog or the design names: a typo such as svc:dns
        // must not silently simulate an outage of nothing.
        return providerKnown && (match.Groups["service"].Value is not { Length: > 0 } service
            || known.Any(d => d.Kind == DomainKind.Service && d.Provider == provider && Glob.IsMatch(service, d.Id[(d.Id.LastIndexOf(':') + 1)..]))
            || services.ServicesOf(provider).Any(s => Glob.IsMatch(service, s.Name)));
    }

    /// <summary>A hint listing the domains of the design, so a typo can be fixed at once.</summary>
    public static string Help(string id, ImmutableArray<FailureDomain> known, ProviderServiceCatalog services)
    {
        var provider = id.Split('/')[0];
        if (id.Contains("/svc:", StringComparison.Ordinal) && services.ServicesOf(provider) is { IsEmpty: false } offered)
        {
            return $"Services of {provider}: {string.Join(", ", offered.Select(s => s.Name))}.";
        }

        var close = known.Where(d => d.Id.Contains(id, StringComparison.OrdinalIgnoreCase) || id.Contains(d.Id, StringComparison.OrdinalIgnoreCase)).Take(5).ToList();
        var shown = close.Count > 0 ? close : known.Where(d => d.Kind <= DomainKind.Region).ToList();
        return shown.Count == 0
            ? "The design has no placed resources."
            : $"Did you mean one of: {string.Join(", ", shown.Select(d => d.Id))}?";
    }

    [GeneratedRegex(@"^(?<provider>[a-z0-9][a-z0-9-]*)(/svc:(?<service>[a-z0-9*][a-z0-9.*-]*)|/[a-z0-9*][a-z0-9*-]*(/(net:[A-Za-z0-9*][A-Za-z0-9._*-]*|svc:(?<service>[a-z0-9*][a-z0-9.*-]*))?)?)?$")]
    private static partial Regex Grammar();
}
