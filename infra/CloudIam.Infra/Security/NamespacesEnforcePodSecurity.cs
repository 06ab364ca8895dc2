using CloudIam.Infra.Components.Isolation;
using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC014: every namespace enforces a Pod Security Standard through its <c>pod-security.kubernetes.io/enforce</c>
/// label: <c>restricted</c>, or a weaker level with the reason in the <c>cloudiam.io/pod-security-reason</c> annotation.
/// </summary>
public sealed class NamespacesEnforcePodSecurity : ISecurityCheck
{
    private const string EnforceLabel = "pod-security.kubernetes.io/enforce";

    public string Id => "SEC014";

    public string Title => "Every namespace enforces a Pod Security level";

    public string Why =>
        "Without an enforce label, any pod spec is admitted: privileged containers, host namespaces and host paths "
        + "turn one compromised workload into a compromised node.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program) =>
        program.OfType<KubernetesNamespace>().SelectMany(ns => Problem(ns) is { } problem
            ? [new SecurityFinding { CheckId = Id, Resource = ns.LogicalName, Message = problem }]
            : Array.Empty<SecurityFinding>());

    private static string? Problem(ResourceDeclaration ns)
    {
        var level = Text((ns.Property("metadata.labels") as ExprMap)?.GetValueOrDefault(EnforceLabel));
        var reason = Text((ns.Property("metadata.annotations") as ExprMap)?.GetValueOrDefault(NamespaceIsolation.ReasonAnnotation));
        return level switch
        {
            null => $"no {EnforceLabel} label",
            "restricted" => null,
            "baseline" or "privileged" when !string.IsNullOrWhiteSpace(reason) => null,
            "baseline" or "privileged" => $"enforces {level} without saying why in {NamespaceIsolation.ReasonAnnotation}",
            _ => $"{EnforceLabel}: {level} is not a Pod Security level",
        };
    }
}
