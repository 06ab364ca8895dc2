using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC005: managed Kubernetes API servers (role <c>cluster</c>, any provider) accept connections only from an
/// allow-list: inline, where the provider file's <c>security.apiAllowList</c> says the cluster takes one (its
/// <c>ranges</c>, or a <c>privateEndpoint</c> setting with no public endpoint at all), or through resources of role
/// <c>api-access-list</c> that refer to the cluster; none of them lists 0.0.0.0/0.
/// </summary>
public sealed class KubernetesApiAllowList(ProviderCatalog providers) : ISecurityCheck
{
    public const string Subject = "apiAllowList";

    private const string Everywhere = "0.0.0.0/0";

    public string Id => "SEC005";

    public string Title => "Kubernetes API servers have an allow-list";

    public string Why =>
        "A Kubernetes API server open to the internet is one leaked kubeconfig or one authentication bug away from "
        + "the whole tooling cluster; EKS, Kapsule and OVHcloud Managed Kubernetes all default to open.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program)
    {
        var accessLists = WithRole(program, providers, ResourceRole.ApiAccessList).ToList();
        return WithRole(program, providers, ResourceRole.Cluster)
            .Where(cluster => !InlineAllowList(program, cluster)
                && accessLists.Where(list => RefersAnywhere(list, cluster)).ToList() is var lists
                && (lists.Count == 0 || lists.Any(list => AllTexts(list.Properties).Contains(Everywhere))))
            .Select(cluster => new SecurityFinding
            {
                CheckId = Id,
                Resource = cluster.LogicalName,
                Message = "the API server is open: "
                    + (RangesPath(providers, cluster) is { } ranges ? $"restrict {ranges} or " : "")
                    + $"add an {ProviderFile.Kebab(ResourceRole.ApiAccessList)} resource referring to it, without {Everywhere}",
            });
    }

    /// <summary>The ranges a cluster lists inline, where its provider file says it takes them (<c>apiAllowList.ranges</c>).</summary>
    internal static IEnumerable<string> InlineRanges(ProviderCatalog providers, ResourceDeclaration cluster) =>
        RangesPath(providers, cluster) is { } path ? Texts(cluster.Property(path)) : [];

    private static string? RangesPath(ProviderCatalog providers, ResourceDeclaration cluster) =>
        providers.OfType(cluster.Type)?.Requirement(Subject, "ranges")?.Path;

    private bool InlineAllowList(PulumiProgram program, ResourceDeclaration cluster) =>
        (providers.OfType(cluster.Type)?.Requirement(Subject, "privateEndpoint") is { Path: not null } privateEndpoint
            && ProviderRequirements.Met(program, providers, cluster, privateEndpoint))
        || (InlineRanges(providers, cluster).ToList() is { Count: > 0 } cidrs && !cidrs.Contains(Everywhere));
}
