using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC013: every namespace the program creates has a default-deny NetworkPolicy: an empty pod selector, both
/// policy types and no rule, so each flow its pods need is an explicit allow next to it.
/// </summary>
public sealed class NamespacesDenyByDefault : ISecurityCheck
{
    public string Id => "SEC013";

    public string Title => "Every namespace denies traffic by default";

    public string Why =>
        "Without a NetworkPolicy every pod reaches every other: a CI job can push forged logs to Loki or silence "
        + "Alertmanager, the very tooling meant to survive the incident.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program) =>
        program.OfType<KubernetesNamespace>()
            .Where(ns => !Referring<NetworkPolicy>(program, ns, "metadata").Any(DeniesAll)
                && !program.OfType<NetworkPolicy>().Any(policy => InNamespace(policy, ns) && DeniesAll(policy)))
            .Select(ns => new SecurityFinding
            {
                CheckId = Id,
                Resource = ns.LogicalName,
                Message = "no default-deny NetworkPolicy (podSelector: {}, policyTypes: [Ingress, Egress], no rules) in this namespace",
            });

    /// <summary>A policy names its namespace by reference to the namespace resource or by its literal name.</summary>
    private static bool InNamespace(ResourceDeclaration policy, ResourceDeclaration ns) =>
        Text(policy.Property("metadata.namespace")) is { } name && name == Text(ns.Property("metadata.name"));

    private static bool DeniesAll(ResourceDeclaration policy)
    {
        var selector = policy.Property("spec.podSelector") as ExprMap;
        var types = Texts(policy.Property("spec.policyTypes")).ToHashSet(StringComparer.Ordinal);
        return selector is not null && selector.Items.All(entry => entry.Value is ExprMap { Items.Count: 0 })
            && types.SetEquals(["Ingress", "Egress"])
            && !Items(policy.Property("spec.ingress")).Any() && !Items(policy.Property("spec.egress")).Any();
    }
}
