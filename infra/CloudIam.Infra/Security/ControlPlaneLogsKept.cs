using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC018: a managed cluster (role <c>cluster</c>) sends every control-plane log type to a log group the program
/// declares with a retention. The provider file's <c>security.controlPlaneLogs</c> names the input, the required
/// types and the log group (EKS: five types, <c>/aws/eks/&lt;cluster&gt;/cluster</c>, which EKS would otherwise create
/// with none).
/// </summary>
public sealed class ControlPlaneLogsKept(ProviderCatalog providers) : ISecurityCheck
{
    public string Id => "SEC018";

    public string ProviderSubject => "controlPlaneLogs";

    public string Title => "Control-plane logs are complete and kept";

    public string Why =>
        "Audit and authenticator logs say who did what to the cluster; controller-manager and scheduler logs explain "
        + "why workloads moved. Without all of them, and a retention that outlives the investigation, an incident cannot be reconstructed.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program) =>
        ProviderRequirements.Check(this, program, providers, WithRole(program, providers, ResourceRole.Cluster),
            ProviderSubject, "logTypes", "retention");
}
