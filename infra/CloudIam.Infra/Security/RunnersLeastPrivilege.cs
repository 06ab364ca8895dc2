using System.Collections.Immutable;
using CloudIam.Infra.Components;
using CloudIam.Pulumi.Resources.Aws;
using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Resources.Scaleway;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC006: CI runners get no more than they need. Jobs run on the nodes, so they inherit the node IAM role:
/// no administrator-grade managed policy and no <c>*</c> action in any IAM document; the GitLab Runner's
/// Kubernetes RBAC is namespaced and lists its rules (the chart's default grants every verb on every resource).
/// </summary>
public sealed class RunnersLeastPrivilege : ISecurityCheck
{
    private static readonly ImmutableArray<string> BroadAwsPolicies = ["AdministratorAccess", "PowerUserAccess", "IAMFullAccess"];

    private static readonly ImmutableArray<string> BroadScalewayPermissionSets = ["AllProductsFullAccess", "IAMManager", "OrganizationManager"];

    public string Id => "SEC006";

    public string Title => "Least privilege for CI runners";

    public string Why =>
        "A CI job runs code from any branch; whatever its runner can do, a compromised pipeline can do — across "
        + "both providers, the very recovery path the placement policy protects.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program)
    {
        var attachments = program.OfType<IamRolePolicyAttachment>()
            .Where(attachment => Text(attachment.Property("policyArn")) is { } arn && BroadAwsPolicies.Any(policy => arn.EndsWith("/" + policy, StringComparison.Ordinal)))
            .Select(attachment => Finding(attachment, $"attaches {Text(attachment.Property("policyArn"))}; attach a narrower managed or inline policy"));
        var wildcardActions = program.Resources
            .Where(resource => resource.Type.StartsWith("aws:iam/", StringComparison.Ordinal))
            .Where(resource => Entries(resource.Properties).Any(entry => entry.Key == "Action"
                && (Text(entry.Value) is { } action ? IsWildcard(action) : Texts(entry.Value).Any(IsWildcard))))
            .Select(resource => Finding(resource, "a policy document allows a wildcard Action; list the actions"));
        var scaleway = program.OfType<IamPolicy>()
            .Where(policy => Items(policy.Property("rules")).OfType<ExprMap>()
                .Any(rule => Texts(rule.GetValueOrDefault("permissionSetNames")).Any(BroadScalewayPermissionSets.Contains)))
            .Select(policy => Finding(policy, "grants an organization-wide full-access permission set"));
        var rbac = program.OfType<HelmRelease>()
            .Where(release => Text(release.Property("chart")) == HelmCharts.GitlabRunner.Name)
            .SelectMany(RunnerRbacProblems);
        return attachments.Concat(wildcardActions).Concat(scaleway).Concat(rbac);
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

    private static bool IsWildcard(string action) => action == "*" || action.EndsWith(":*", StringComparison.Ordinal);

    private SecurityFinding Finding(ResourceDeclaration resource, string message) =>
        new() { CheckId = Id, Resource = resource.LogicalName, Message = message };
}
