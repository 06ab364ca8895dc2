using System.Collections.Frozen;
using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.KubernetesObjects;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC010: a secret read from config lands only in a Kubernetes Secret. Never in a ConfigMap, and never in the
/// Helm values a chart renders into one (Alertmanager's and Gatus' <c>config</c>, Grafana's <c>grafana.ini</c>
/// and data sources, Loki's <c>loki</c>): ConfigMaps are readable by anyone who may read the namespace, shown by
/// <c>kubectl describe</c> and copied into support bundles.
/// </summary>
public sealed class SecretsOnlyInKubernetesSecrets : ISecurityCheck
{
    private const string ConfigMapType = "kubernetes:core/v1:ConfigMap";

    /// <summary>Chart → top-level values its templates render into a ConfigMap (read from each chart's templates).</summary>
    private static readonly FrozenDictionary<string, string[]> ConfigMapValues = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["alertmanager"] = ["config", "templates"],
        ["gatus"] = ["config"],
        ["grafana"] = ["grafana.ini", "datasources", "dashboards"],
        ["loki"] = ["loki"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public string Id => "SEC010";

    public string Title => "Secrets only in Kubernetes Secrets";

    public string Why =>
        "A webhook URL or password in a ConfigMap is readable in clear by anyone who can read the namespace: Pulumi "
        + "keeps it encrypted in state, the cluster does not.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program)
    {
        var configMaps = program.Resources.Where(resource => resource.Type == ConfigMapType)
            .SelectMany(map => Secrets(map.Properties).Select(key => Finding(map, $"holds secret '{key}' in a ConfigMap; put it in a Secret")));
        var values = program.OfType<HelmRelease>()
            .Where(release => Chart(release) is { } chart && ConfigMapValues.ContainsKey(chart))
            .SelectMany(release => ConfigMapValues[Chart(release)!].SelectMany(root => Secrets(At(release.Property("values"), root))
                .Select(key => Finding(release,
                    $"values.{root} holds secret '{key}', which the {Chart(release)} chart renders into a ConfigMap; put it in a Kubernetes Secret the chart reads"))));
        return configMaps.Concat(values);
    }

    private static IEnumerable<string> Secrets(Expr? value) =>
        value is null ? [] : value.References().OfType<ConfigReference>().Where(reference => reference.Key.Secret).Select(reference => reference.Key.Name).Distinct(StringComparer.Ordinal);

    private SecurityFinding Finding(ResourceDeclaration resource, string message) =>
        new() { CheckId = Id, Resource = resource.LogicalName, Message = message };
}
