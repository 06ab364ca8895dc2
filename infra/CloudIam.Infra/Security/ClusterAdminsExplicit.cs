using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC012: a managed cluster (role <c>cluster</c>) admits principals only through declared access entries: the API
/// authentication mode, no bootstrap cluster-admin for its creator, at least one access entry. Where each lives is
/// the provider file's <c>security.clusterAdmins</c> (EKS: <c>accessConfig</c> and <c>aws:eks/accessEntry</c>).
/// </summary>
public sealed class ClusterAdminsExplicit(ProviderCatalog providers) : ISecurityCheck
{
    public string Id => "SEC012";

    public string ProviderSubject => "clusterAdmins";

    public string Title => "Cluster administrators are explicit";

    public string Why =>
        "With bootstrap permissions, whoever ran the first `pulumi up` stays cluster-admin forever, invisible in the "
        + "program and in the access entries; the aws-auth ConfigMap is just as invisible. Access entries are reviewed code.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program) =>
        ProviderRequirements.Check(this, program, providers, WithRole(program, providers, ResourceRole.Cluster),
            ProviderSubject, "apiAuthentication", "noBootstrapAdmin", "accessEntries");
}
