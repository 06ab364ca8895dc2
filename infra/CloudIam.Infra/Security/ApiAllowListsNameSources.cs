using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Resources.Aws;
using CloudIam.Pulumi.Resources.Scaleway;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC011: an API-server allow-list names its sources: no Kapsule <c>scalewayRanges</c> rule (every Scaleway
/// customer's machines) and no range wider than a /<see cref="WidestPrefix"/> (a shared runner fleet, a cloud
/// region). SEC005 only rejects 0.0.0.0/0.
/// </summary>
public sealed class ApiAllowListsNameSources : ISecurityCheck
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
        var kapsule = program.OfType<KubernetesAcl>().SelectMany(acl => Items(acl.Property("aclRules")).OfType<ExprMap>()
            .SelectMany(rule => Problems(Bool(rule.GetValueOrDefault("scalewayRanges")) == true, Text(rule.GetValueOrDefault("ip"))))
            .Select(problem => Finding(acl, problem)));
        var eks = program.OfType<EksCluster>().SelectMany(cluster => Texts(cluster.Property("vpcConfig.publicAccessCidrs"))
            .SelectMany(cidr => Problems(false, cidr))
            .Select(problem => Finding(cluster, problem)));
        return kapsule.Concat(eks);
    }

    private static IEnumerable<string> Problems(bool scalewayRanges, string? cidr)
    {
        if (scalewayRanges)
        {
            yield return "scalewayRanges admits every Scaleway customer; list the sites' egress addresses instead";
        }

        if (cidr is not null && Ipv4Cidr.TryParse(cidr, out var range) && range.PrefixLength < WidestPrefix)
        {
            yield return $"{cidr} is wider than a /{WidestPrefix}; name the VPN and the egress addresses";
        }
    }

    private SecurityFinding Finding(ResourceDeclaration resource, string message) =>
        new() { CheckId = Id, Resource = resource.LogicalName, Message = message };
}
