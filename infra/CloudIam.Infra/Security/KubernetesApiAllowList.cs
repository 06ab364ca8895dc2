using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC005: managed Kubernetes API servers (role <c>cluster</c>, any provider) accept connections only from an
/// allow-list: inline, as EKS does (<c>vpcConfig.publicAccessCidrs</c>, or no public endpoint), or through
/// resources of role <c>api-access-list</c> that refer to the cluster (Scaleway <c>kubernetes/acl</c>, OVHcloud
/// <c>kubeIpRestrictions</c>), none of which lists 0.0.0.0/0.
/// </summary>
public sealed class KubernetesApiAllowList(ProviderCatalog providers) : ISecurityCheck
{
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
            .Where(cluster => !InlineAllowList(cluster)
                && accessLists.Where(list => RefersAnywhere(list, cluster)).ToList() is var lists
                && (lists.Count == 0 || lists.Any(list => AllTexts(list.Properties).Contains(Everywhere))))
            .Select(cluster => new SecurityFinding
            {
                CheckId = Id,
                Resource = cluster.LogicalName,
                Message = "the API server is open: restrict vpcConfig.publicAccessCidrs (EKS) or add an API access list "
                    + "(kubernetes/acl, kubeIpRestrictions) without 0.0.0.0/0",
            });
    }

    private static bool InlineAllowList(ResourceDeclaration cluster) =>
        Bool(cluster.Property("vpcConfig.endpointPublicAccess")) == false
        || (Texts(cluster.Property("vpcConfig.publicAccessCidrs")).ToList() is { Count: > 0 } cidrs && !cidrs.Contains(Everywhere));
}
