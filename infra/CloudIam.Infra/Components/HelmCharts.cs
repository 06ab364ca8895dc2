using System.Collections.Immutable;

namespace CloudIam.Infra.Components;

/// <summary>A pinned Helm chart.</summary>
public sealed record HelmChart
{
    public required string Name { get; init; }

    /// <summary>Exact version: a range would let a preview and the following update install different charts.</summary>
    public required string Version { get; init; }

    public required string Repository { get; init; }

    /// <summary>
    /// The values keys (dotted) at which this chart puts labels on its objects and pods: each chart has its own, and
    /// a label at a key the chart does not read never reaches a pod (charts/&lt;chart&gt;-&lt;version&gt;.yaml lists them).
    /// </summary>
    public required ImmutableArray<string> LabelKeys { get; init; }
}

/// <summary>
/// Every chart the tooling installs, with versions from pulumi-facts §7 (Aug 2026 snapshots). Each has its values
/// paths in charts/&lt;chart&gt;-&lt;version&gt;.yaml; a test fails on a value the chart does not read.
/// </summary>
public static class HelmCharts
{
    private const string PrometheusCommunity = "https://prometheus-community.github.io/helm-charts";
    private const string GrafanaCommunity = "https://grafana-community.github.io/helm-charts";

    public static HelmChart KubePrometheusStack { get; } = new()
    {
        Name = "kube-prometheus-stack",
        Version = "88.5.3",
        Repository = PrometheusCommunity,
        LabelKeys = ["commonLabels", "prometheus.prometheusSpec.podMetadata.labels", "prometheusOperator.podLabels"],
    };

    public static HelmChart Alertmanager { get; } = new()
    {
        Name = "alertmanager",
        Version = "1.42.0",
        Repository = PrometheusCommunity,
        LabelKeys = ["podLabels"],
    };

    /// <summary>The community chart; the grafana.github.io <c>loki</c> chart is now for Grafana Enterprise Logs.</summary>
    public static HelmChart Loki { get; } = new()
    {
        Name = "loki",
        Version = "18.11.0",
        Repository = GrafanaCommunity,
        LabelKeys = ["commonLabels", "singleBinary.podLabels"],
    };

    public static HelmChart Grafana { get; } = new()
    {
        Name = "grafana",
        Version = "12.11.1",
        Repository = GrafanaCommunity,
        LabelKeys = ["extraLabels", "podLabels"],
    };

    public static HelmChart Gatus { get; } = new()
    {
        Name = "gatus",
        Version = "1.4.5",
        Repository = "https://twin.github.io/helm-charts",
        LabelKeys = ["extraLabels", "podLabels"],
    };

    /// <summary>
    /// Traefik Proxy (chart v41.3.0, Traefik v3.7): the ingress controller. Maintained by Traefik Labs, reads the
    /// standard Ingress API (and Gateway API), and does forward authentication natively; ingress-nginx is unmaintained
    /// since March 2026. Source: traefik/traefik-helm-chart tag v41.3.0.
    /// </summary>
    public static HelmChart Traefik { get; } = new()
    {
        Name = "traefik",
        Version = "41.3.0",
        Repository = "https://traefik.github.io/charts",
        LabelKeys = ["commonLabels"],
    };

    /// <summary>cert-manager (jetstack chart v1.21.1, tag v1.21.1 of cert-manager/cert-manager): ACME certificates.</summary>
    public static HelmChart CertManager { get; } = new()
    {
        Name = "cert-manager",
        Version = "v1.21.1",
        Repository = "https://charts.jetstack.io",
        LabelKeys = ["global.commonLabels"],
    };

    /// <summary>oauth2-proxy (chart 10.7.0, app 7.15.3, oauth2-proxy/manifests): GitLab login in front of the tooling UIs.</summary>
    public static HelmChart OAuth2Proxy { get; } = new()
    {
        Name = "oauth2-proxy",
        Version = "10.7.0",
        Repository = "https://oauth2-proxy.github.io/manifests",
        LabelKeys = ["customLabels"],
    };


    public static HelmChart GitlabRunner { get; } = new()
    {
        Name = "gitlab-runner",
        Version = "0.86.0",
        Repository = "https://charts.gitlab.io",
        LabelKeys = ["deploymentLabels", "podLabels"],
    };

    /// <summary>Grafana Alloy, the log shipper (Promtail reached end of life); published from grafana/alloy, tag helm-chart/1.11.1.</summary>
    public static HelmChart Alloy { get; } = new()
    {
        Name = "alloy",
        Version = "1.11.1",
        Repository = "https://grafana.github.io/helm-charts",
        LabelKeys = ["controller.podLabels"],
    };
}
