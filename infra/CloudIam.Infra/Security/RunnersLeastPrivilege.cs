using CloudIam.Infra.Components;
using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC006: CI runners get no more than they need. Jobs run on the nodes, so they inherit the node's cloud
/// permissions: no resource of role <c>iam-policy</c> or <c>iam-attachment</c> may grant what its provider file
/// forbids (<c>security.leastPrivilege</c>: AWS administrator-grade managed policies and wildcard actions, Scaleway
/// organization-wide permission sets); the GitLab Runner's Kubernetes RBAC is namespaced and lists its rules (the
/// chart's default grants every verb on every resource).
/// </summary>
public sealed class RunnersLeastPrivilege(ProviderCatalog providers) : ISecurityCheck
{
    public const string Subject = "leastPrivilege";

    public string Id => "SEC006";

    public string Title => "Least privilege for CI runners";

    public string Why =>
        "A CI job runs code from any branch; whatever its runner can do, a compromised pipeline can do — across "
        + "both providers, the very recovery path the placement policy protects.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program)
    {
        var grants = ProviderRequirements.CheckForbidden(this, program, providers, Subject, ResourceRole.IamPolicy, ResourceRole.IamAttachment);
        var rbac = program.OfType<HelmRelease>()
            .Where(release => Text(release.Property("chart")) == HelmCharts.GitlabRunner.Name)
            .SelectMany(RunnerRbacProblems);
        return grants.Concat(rbac);
    }

    private IEnumerable<SecurityFinding> RunnerRbacProblems(ResourceDeclaration release)
    {
        var rbac = release.Property("values.rbac") as ExprMap;
        if (Bool(rbac?.GetValueOrDefault("clusterWideAccess")) == true)
        {
            yield return Finding(release, "rbac.clusterWideAccess lets jobs reach every namespace; keep the runner namespaced");
        }

        var rules = Items(rbac?.GetValueOrDefault("rules")).OfType<ExprMap>().ToList();
        if (Bool(rbac?.GetValueOrDefault("create")) != false && rules.Count == 0)
        {
            yield return Finding(release, "rbac.rules is empty, so the chart grants every verb on every resource; list the executor's rules");
        }

        if (rules.Any(rule => new[] { "apiGroups", "resources", "verbs" }.Any(key => Texts(rule.GetValueOrDefault(key)).Contains("*"))))
        {
            yield return Finding(release, "an rbac rule uses '*'; list the resources and verbs");
        }
    }

    private SecurityFinding Finding(ResourceDeclaration resource, string message) =>
        new() { CheckId = Id, Resource = resource.LogicalName, Message = message };
}
