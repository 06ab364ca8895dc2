using CloudIam.Pulumi.Resources.Aws;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC012: EKS admits principals through access entries only: authentication mode <c>API</c>, no bootstrap
/// cluster-admin for the creator (the provider's default is on), and at least one access entry for the cluster.
/// </summary>
public sealed class ClusterAdminsExplicit : ISecurityCheck
{
    public string Id => "SEC012";

    public string Title => "Cluster administrators are explicit";

    public string Why =>
        "With bootstrap permissions, whoever ran the first `pulumi up` stays cluster-admin forever, invisible in the "
        + "program and in the access entries; the aws-auth ConfigMap is just as invisible. Access entries are reviewed code.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program) =>
        program.OfType<EksCluster>().SelectMany(cluster => Problems(program, cluster)
            .Select(problem => new SecurityFinding { CheckId = Id, Resource = cluster.LogicalName, Message = problem }));

    private static IEnumerable<string> Problems(PulumiProgram program, ResourceDeclaration cluster)
    {
        if (Text(cluster.Property("accessConfig.authenticationMode")) != "API")
        {
            yield return "set accessConfig.authenticationMode: API (no aws-auth ConfigMap)";
        }

        if (Bool(cluster.Property("accessConfig.bootstrapClusterCreatorAdminPermissions")) != false)
        {
            yield return "set accessConfig.bootstrapClusterCreatorAdminPermissions: false";
        }

        if (!Referring<EksAccessEntry>(program, cluster, "clusterName").Any())
        {
            yield return "no aws:eks/accessEntry admits anyone: declare the deploy and on-call roles";
        }
    }
}
