using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.KubernetesObjects;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC009: every public host is served over TLS. Each host of an Ingress is covered by its <c>tls</c> section and
/// routed on the HTTPS entry point only, and the Traefik controller redirects plain HTTP to HTTPS (cert-manager's
/// HTTP-01 challenge still works: Let's Encrypt follows the redirect).
/// </summary>
public sealed class TlsOnEveryPublicHost : ISecurityCheck
{
    public string Id => "SEC009";

    public string Title => "TLS on every public host";

    public string Why =>
        "Sign-in cookies, the Grafana password and alert contents cross the internet; over plain HTTP any network on "
        + "the way reads and replays them.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program)
    {
        var ingresses = program.Resources.Where(resource => resource.Type == IngressType).SelectMany(IngressProblems);
        var controllers = program.OfType<HelmRelease>()
            .Where(release => Chart(release) == "traefik"
                && Text(At(release.Property("values"), "ports", "web", "http", "redirections", "entryPoint", "to")) != "websecure")
            .Select(release => Finding(release, "the web entry point serves plain HTTP; set ports.web.http.redirections.entryPoint.to: websecure"));
        return ingresses.Concat(controllers);
    }

    private IEnumerable<SecurityFinding> IngressProblems(ResourceDeclaration ingress)
    {
        var covered = Items(At(ingress.Properties, "spec", "tls")).SelectMany(tls => Texts(At(tls, "hosts"))).ToHashSet(StringComparer.Ordinal);
        foreach (var host in Hosts(ingress).Where(host => !covered.Contains(host)))
        {
            yield return Finding(ingress, $"{host} has no certificate (spec.tls); list it with a cert-manager issuer");
        }

        var entryPoints = Annotation(ingress, EntryPointsAnnotation)?.Split(',', StringSplitOptions.TrimEntries) ?? [];
        if (!entryPoints.SequenceEqual(["websecure"]))
        {
            yield return Finding(ingress, $"routes on '{string.Join(",", entryPoints)}'; set {EntryPointsAnnotation}: websecure");
        }
    }

    private SecurityFinding Finding(ResourceDeclaration resource, string message) =>
        new() { CheckId = Id, Resource = resource.LogicalName, Message = message };
}
