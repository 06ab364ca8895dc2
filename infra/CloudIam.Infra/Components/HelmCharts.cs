namespace CloudIam.Infra.Components;

/// <summary>A pinned Helm chart.</summary>
public sealed record HelmChart
{
    public required string Name { get; init; }

    /// <summary>Exact version: a range would let a preview and the following update install different charts.</summary>
    public required string Version { get; init; }

    public required string Repository { get; init; }

    /// <summary>Dotted values path of the labels the chart puts on every object it renders (the capability label goes there).</summary>
    public string LabelsKey { get; init; } = "commonLabels";
}

/// <summary>Every chart the tooling installs, with versions from pulumi-facts §7 (Aug 2026 snapshots).</summary>
public static class HelmCharts
{
    private const string PrometheusCommunity = "https://prometheus-community.github.io/helm-charts";
    private const string GrafanaCommunity = "https://grafana-community.github.io/helm-charts";

    public static HelmChart KubePrometheusStack { get; } = new() { Name = "kube-prometheus-stack", Version = "88.5.3", Repository = PrometheusCommunity };

    public static HelmChart Alertmanager { get; } = new() { Name = "alertmanager", Version = "1.42.0", Repository = PrometheusCommunity };

    /// <summary>The community chart; the grafana.github.io <c>loki</c> chart is now for Grafana Enterprise Logs.</summary>
    public static HelmChart Loki { get; } = new() { Name = "loki", Version = "18.11.0", Repository = GrafanaCommunity };

    public static HelmChart Grafana { get; } = new() { Name = "grafana", Version = "12.11.1", Repository = GrafanaCommunity };

    public static HelmChart Gatus { get; } = new() { Name = "gatus", Version = "1.4.5", Repository = "https://twin.github.io/helm-charts" };

    /// <summary>
    /// Traefik Proxy (chart v41.3.0, Traefik v3.7): the ingress controller. Maintained by Traefik Labs, reads the
    /// standard Ingress API (and Gateway API), and does forward authentication natively; ingress-nginx is unmaintained
    /// since March 2026. Source: traefik/traefik-helm-chart tag v41.3.0.
    /// </summary>
    public static HelmChart Traefik { get; } = new() { Name = "traefik", Version = "41.3.0", Repository = "https://traefik.github.io/charts" };

    /// <summary>cert-manager (jetstack chart v1.21.1, tag v1.21.1 of cert-manager/cert-manager): ACME certificates.</summary>
    public static HelmChart CertManager { get; } = new()
    {
        Name = "cert-manager",
        Version = "v1.21.1",
        Repository = "https://charts.jetstack.io",
        LabelsKey = "global.commonLabels",
    };

    /// <summary>oauth2-proxy (chart 10.7.0, app 7.15.3, oauth2-proxy/manifests): GitLab login in front of the tooling UIs.</summary>
    public static HelmChart OAuth2Proxy { get; } = new()
    {
        Name = "oauth2-proxy",
        Version = "10.7.0",
        Repository = "https://oauth2-proxy.github.io/manifests",
        LabelsKey = "customLabels",
    };

    public static HelmChart GitlabRunner { get; } = new() { Name = "gitlab-runner", Version = "0.86.0", Repository = "https://charts.gitlab.io" };
}
