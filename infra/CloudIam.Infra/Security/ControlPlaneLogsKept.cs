using System.Collections.Immutable;
using CloudIam.Pulumi.Resources.Aws;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC018: EKS sends all five control-plane log types to CloudWatch, into a log group the program declares with a
/// retention (<c>/aws/eks/&lt;cluster&gt;/cluster</c>; EKS would otherwise create it with none).
/// </summary>
public sealed class ControlPlaneLogsKept : ISecurityCheck
{
    public static readonly ImmutableArray<string> LogTypes = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

    public string Id => "SEC018";

    public string Title => "Control-plane logs are complete and kept";

    public string Why =>
        "Audit and authenticator logs say who did what to the cluster; controller-manager and scheduler logs explain "
        + "why workloads moved. Without all of them, and a retention that outlives the investigation, an incident cannot be reconstructed.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program)
    {
        var keptGroups = program.OfType<CloudWatchLogGroup>()
            .Where(group => Number(group.Property("retentionInDays")) > 0)
            .Select(group => Text(group.Property("name")))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        foreach (var cluster in program.OfType<EksCluster>())
        {
            var missing = LogTypes.Except(Texts(cluster.Property("enabledClusterLogTypes"))).ToList();
            if (missing.Count > 0)
            {
                yield return Finding(cluster, $"enabledClusterLogTypes lacks {string.Join(", ", missing)}");
            }

            if (Text(cluster.Property("name")) is not { } name || !keptGroups.Contains($"/aws/eks/{name}/cluster"))
            {
                yield return Finding(cluster, "declare the log group /aws/eks/<name>/cluster with a retentionInDays (and a literal cluster name)");
            }
        }
    }

    private SecurityFinding Finding(ResourceDeclaration cluster, string message) =>
        new() { CheckId = Id, Resource = cluster.LogicalName, Message = message };
}
