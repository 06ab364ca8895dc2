using CloudIam.Placement.Analysis;
using CloudIam.Placement.Design;
using CloudIam.Placement.Domains;

namespace CloudIam.Placement.Rules;

/// <summary>
/// Where to put what a violation asks for. Suggestions name a provider and region the design
/// already uses (so the answer is actionable with existing accounts and networks), preferring one
/// the capability does not use yet, and never the provider that just failed.
/// </summary>
internal static class Suggest
{
    /// <summary>
    /// Providers outside <paramref name="avoid"/>: the design's own first (those not in
    /// <paramref name="inUse"/> before the others), each as "aws (eu-west-3)" with the region most of
    /// the design's resources on it use; then providers the catalog knows, so that a single-provider
    /// design is still told where to go.
    /// </summary>
    public static IEnumerable<string> ProvidersOutside(this RuleContext context, IEnumerable<string> avoid, IEnumerable<string> inUse)
    {
        var avoided = avoid.ToHashSet(StringComparer.Ordinal);
        var used = inUse.ToHashSet(StringComparer.Ordinal);
        var designProviders = context.Analysis.Domains.All.Where(d => d.Kind == DomainKind.Provider).Select(d => d.Id).ToList();
        var fromDesign = designProviders
            .Where(p => !avoided.Contains(p))
            .OrderBy(used.Contains)
            .ThenBy(p => p, StringComparer.Ordinal)
            .Select(context.Describe);
        var fromCatalog = context.Analysis.Services.Providers
            .Where(p => !avoided.Contains(p) && !used.Contains(p) && !designProviders.Contains(p))
            .Order(StringComparer.Ordinal);
        return fromDesign.Concat(fromCatalog);
    }

    /// <summary>A place for more instances of <paramref name="capability"/> that the lost domains cannot take down.</summary>
    public static string Elsewhere(this RuleContext context, CapabilityAnalysis capability, IEnumerable<FailureDomain> lost)
    {
        var providers = lost.Select(d => d.Provider).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return context.ProvidersOutside(providers, capability.Providers).FirstOrDefault()
            ?? $"a provider other than {Text.JoinAnd(providers)}";
    }

    /// <summary>"aws (eu-west-3)": the provider with the region most of the design's resources on it use.</summary>
    public static string Describe(this RuleContext context, string provider) =>
        context.MainRegions.TryGetValue(provider, out var region) ? $"{provider} ({region})" : provider;

    /// <summary>Per provider, the region most of the design's resources on it use (ties: ordinal first).</summary>
    internal static Dictionary<string, string> MainRegions(PlacementDesign design) =>
        design.Resources
            .Select(r => r.Placement)
            .OfType<ResourcePlacement>()
            .Where(p => p.Region is not null)
            .GroupBy(p => (p.Provider, Region: p.Region!))
            .GroupBy(g => g.Key.Provider, StringComparer.Ordinal)
            .ToDictionary(
                byProvider => byProvider.Key,
                byProvider => byProvider.OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Region, StringComparer.Ordinal).First().Key.Region,
                StringComparer.Ordinal);

    /// <summary>"aws (eu-west-3)" for where one resource runs.</summary>
    public static string Describe(ResourcePlacement placement) =>
        placement.Region is { } region ? $"{placement.Provider} ({region})" : placement.Provider;
}
