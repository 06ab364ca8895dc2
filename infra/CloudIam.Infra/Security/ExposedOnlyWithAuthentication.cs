using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.KubernetesObjects;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC008: nothing is published without authentication. An Ingress either sends requests through a sign-in
/// middleware, serves health paths only (<c>Exact</c> paths), or declares <c>cloudiam.io/access: public</c> (reviewed:
/// the status page, the sign-in endpoint) or <c>own-login</c>; Grafana never allows anonymous access.
/// </summary>
public sealed class ExposedOnlyWithAuthentication : ISecurityCheck
{
    public string Id => "SEC008";

    public string Title => "No UI or API exposed without authentication";

    public string Why =>
        "Alertmanager can silence every page and Prometheus and Loki show customer deployments' internals: published "
        + "without sign-in, anyone who finds the host name can read them or mute the on-call team.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program)
    {
        var ingresses = program.Resources.Where(resource => resource.Type == IngressType)
            .Where(ingress => Annotation(ingress, MiddlewaresAnnotation) is null
                && Annotation(ingress, AccessAnnotation) is not ("public" or "own-login")
                && Paths(ingress).Any(path => Text(At(path, "pathType")) != "Exact"))
            .Select(ingress => Finding(ingress,
                $"publishes {string.Join(", ", Hosts(ingress))} without sign-in; add the oauth2-proxy middleware ({MiddlewaresAnnotation}) "
                + $"or, after review, {AccessAnnotation}: public"));
        var anonymousGrafana = program.OfType<HelmRelease>()
            .Where(release => Chart(release) == "grafana" && Bool(At(release.Property("values"), "grafana.ini", "auth.anonymous", "enabled")) == true)
            .Select(release => Finding(release, "grafana.ini auth.anonymous.enabled lets anyone in; keep it false"));
        return ingresses.Concat(anonymousGrafana);
    }

    private SecurityFinding Finding(ResourceDeclaration resource, string message) =>
        new() { CheckId = Id, Resource = resource.LogicalName, Message = message };
}
