using CloudIam.Pulumi.Resources.Aws;
using CloudIam.Pulumi.Resources.Scaleway;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC005: Kubernetes API servers accept connections only from an allow-list: EKS through
/// <c>vpcConfig.publicAccessCidrs</c> (or no public endpoint), Kapsule through a <c>kubernetes/acl</c> resource.
/// </summary>
public sealed class KubernetesApiAllowList : ISecurityCheck
{
    private const string Everywhere = "0.0.0.0/0";

    public string Id => "SEC005";

    public string Title => "Kubernetes API servers have an allow-list";

    public string Why =>
        "A Kubernetes API server open to the internet is one leaked kubeconfig or one authentication bug away from "
        + "the whole tooling cluster; EKS and Kapsule both default to open.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program)
    {
        var eks = program.OfType<EksCluster>()
            .Where(cluster => Bool(cluster.Property("vpcConfig.endpointPublicAccess")) != false
                && Texts(cluster.Property("vpcConfig.publicAccessCidrs")).ToList() is var cidrs
                && (cidrs.Count == 0 || cidrs.Contains(Everywhere)))
            .Select(cluster => Finding(cluster, "the public endpoint is open: set vpcConfig.publicAccessCidrs to the allow-list, without 0.0.0.0/0"));
        var kapsule = program.OfType<KubernetesCluster>()
            .Where(cluster => Referring<KubernetesAcl>(program, cluster, "clusterId").ToList() is var acls
                && (acls.Count == 0 || acls.Any(acl => Items(acl.Property("aclRules")).OfType<ExprMap>()
                    .Any(rule => Text(rule.GetValueOrDefault("ip")) == Everywhere))))
            .Select(cluster => Finding(cluster, "the API server needs a kubernetes/acl allow-list, without 0.0.0.0/0"));
        return eks.Concat(kapsule);
    }

    private SecurityFinding Finding(ResourceDeclaration cluster, string message) =>
        new() { CheckId = Id, Resource = cluster.LogicalName, Message = message };
}
