using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC011: an API-server allow-list names its sources, on any provider: no rule of an <c>api-access-list</c> resource
/// admits the provider's own ranges (its provider file's <c>apiAccessProviderRanges</c>, Kapsule's
/// <c>scalewayRanges</c>: every customer's machines), and no range, in such a list or inline on a <c>cluster</c>
/// (its provider file's <c>apiAllowList.ranges</c>, as SEC005 reads it), is wider than a /<see cref="WidestPrefix"/> (a shared
/// runner fleet, a cloud region). SEC005 only rejects 0.0.0.0/0.
/// </summary>
public sealed class ApiAllowListsNameSources(ProviderCatalog providers) : ISecurityCheck
{
    /// <summary>A VPN or office range; anything wider is someone else's network too.</summary>
    public const int WidestPrefix = 24;

    public string Id => "SEC011";

    public string Title => "Cluster API allow-lists name their sources";

    public string Why =>
        "An allow-list that admits a provider's whole address space or a shared CI fleet admits strangers: the API "
        + "server is then protected by its credentials alone, and a leaked kubeconfig works from any of those machines.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program)
    {
        var lists = WithRole(program, providers, ResourceRole.ApiAccessList).SelectMany(list => ProviderRanges(list)
            .Concat(AllTexts(list.Properties).SelectMany(TooWide))
            .Select(problem => Finding(list, problem)));
        var inline = WithRole(program, providers, ResourceRole.Cluster).SelectMany(cluster => KubernetesApiAllowList.InlineRanges(providers, cluster)
            .SelectMany(TooWide)
            .Select(problem => Finding(cluster, problem)));
        return lists.Concat(inline);
    }

    private IEnumerable<string> ProviderRanges(ResourceDeclaration list) =>
        providers.OfType(list.Type)?.ApiAccessProviderRanges is { } input
        && Entries(list.Properties).Any(entry => entry.Key == input && Bool(entry.Value) == true)
            ? [$"{input} admits every customer of the provider; list the sites' egress addresses instead"]
            : [];

    private static IEnumerable<string> TooWide(string text) =>
        Ipv4Cidr.TryParse(text, out var range) && range.PrefixLength < WidestPrefix
            ? [$"{text} is wider than a /{WidestPrefix}; name the VPN and the egress addresses"]
            : [];

    private SecurityFinding Finding(ResourceDeclaration resource, string message) =>
        new() { CheckId = Id, Resource = resource.LogicalName, Message = message };
}
