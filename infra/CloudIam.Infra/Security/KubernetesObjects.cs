using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>Reading Ingresses and Helm values the way the exposure checks need (keys may contain dots: <c>grafana.ini</c>).</summary>
internal static class KubernetesObjects
{
    public const string IngressType = "kubernetes:networking.k8s.io/v1:Ingress";
    public const string MiddlewaresAnnotation = "traefik.ingress.kubernetes.io/router.middlewares";
    public const string EntryPointsAnnotation = "traefik.ingress.kubernetes.io/router.entrypoints";

    /// <summary>
    /// Declared on an Ingress without a sign-in middleware: <c>public</c> (the status page, the sign-in endpoint) or
    /// <c>own-login</c> (the tool authenticates itself: Grafana). The security baseline holds the tool to it.
    /// </summary>
    public const string AccessAnnotation = "cloudiam.io/access";

    /// <summary>The value at a path of map keys, each key taken whole.</summary>
    public static Expr? At(Expr? value, params string[] keys) =>
        keys.Aggregate(value, (current, key) => current is ExprMap map ? map.GetValueOrDefault(key) : null);

    public static string? Annotation(ResourceDeclaration ingress, string key) => Text(At(ingress.Properties, "metadata", "annotations", key));

    public static IEnumerable<string> Hosts(ResourceDeclaration ingress) =>
        Items(At(ingress.Properties, "spec", "rules")).Select(rule => Text(At(rule, "host"))).OfType<string>();

    public static IEnumerable<ExprMap> Paths(ResourceDeclaration ingress) =>
        Items(At(ingress.Properties, "spec", "rules")).SelectMany(rule => Items(At(rule, "http", "paths"))).OfType<ExprMap>();

    public static string? Chart(ResourceDeclaration release) => Text(release.Property("chart"));
}
