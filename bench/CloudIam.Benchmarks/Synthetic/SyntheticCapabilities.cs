namespace CloudIam.Benchmarks.Synthetic;

/// <summary>How instances of a capability are deployed, which decides where its tag lives.</summary>
internal enum AppShape
{
    /// <summary>A Helm release; the tag is in <c>values.commonLabels</c>.</summary>
    Helm,

    /// <summary>ServiceAccount, ConfigMaps, Secret, Deployment, Service; the tag is a label on the Deployment.</summary>
    Deployment,

    /// <summary>As <see cref="Deployment"/> with a StatefulSet, for quorum systems.</summary>
    StatefulSet,

    /// <summary>A Scaleway server (tag list <c>key=value</c>) or an EC2 instance (tag map) on the site's network.</summary>
    VirtualMachine,

    /// <summary>An object storage bucket (tag map); regional, no network.</summary>
    Bucket,
}

internal sealed record HelmChart(string Chart, string Repository, string Version, string AppVersion);

/// <summary>
/// One capability of the synthetic estate: its policy entry and where its instances are deployed.
/// The export and the policy are both generated from this table so they always agree.
/// </summary>
internal sealed record SyntheticCapability
{
    public required string Name { get; init; }

    public bool Critical { get; init; }

    public int MinHealthy { get; init; } = 1;

    public bool QuorumMajority { get; init; }

    public IReadOnlyList<string> Observes { get; init; } = [];

    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>Capacity read from <c>values.concurrent</c>; only meaningful for Helm shapes.</summary>
    public int? MinConcurrentAfterLoss { get; init; }

    public required AppShape Shape { get; init; }

    public HelmChart? Chart { get; init; }

    public string Image { get; init; } = "ghcr.io/cloud-iam/tooling:1.0.0";

    public required string Namespace { get; init; }

    /// <summary><see cref="Site.Key"/>s the capability runs in; a single provider here is a deliberate violation.</summary>
    public required IReadOnlyList<string> Sites { get; init; }
}

internal static class SyntheticCapabilities
{
    /// <summary>Customer Keycloak deployments: what the tooling watches, and the bulk of any real estate.</summary>
    public const string Deployments = "deployments";

    private static readonly string[] AllSites = [.. SyntheticTopology.Sites.Select(s => s.Key)];

    private static readonly string[] FleetSites = [.. SyntheticTopology.FleetSites.Select(s => s.Key)];

    public static IReadOnlyList<SyntheticCapability> All { get; } =
    [
        Helm("metrics", "monitoring", new("kube-prometheus-stack", "https://prometheus-community.github.io/helm-charts", "88.5.3", "v0.93.1"), ["scaleway/fr-par", "aws/eu-west-3"]) with { Critical = true },
        Helm("logs", "logging", new("loki", "https://grafana-community.github.io/helm-charts", "18.11.0", "3.7.6"), ["scaleway/fr-par", "aws/eu-west-3", "ovh/gra"]) with { Critical = true },
        Helm("alerting", "monitoring", new("alertmanager", "https://prometheus-community.github.io/helm-charts", "1.42.0", "v0.34.0"), ["scaleway/fr-par", "aws/eu-west-3"]) with { Critical = true, Observes = [Deployments, "metrics"] },
        Helm("dashboards", "monitoring", new("grafana", "https://grafana-community.github.io/helm-charts", "12.11.1", "13.2.0"), ["scaleway/fr-par"]) with { DependsOn = ["metrics", "logs"] },
        Helm("status-page", "monitoring", new("gatus", "https://twin.github.io/helm-charts", "1.4.5", "v5.27.2"), ["scaleway/nl-ams", "aws/us-east-1"]) with { Critical = true, Observes = [Deployments] },
        Helm("ci-runners", "ci", new("gitlab-runner", "https://charts.gitlab.io", "0.86.0", "v18.9.0"), ["scaleway/fr-par", "aws/eu-west-3", "aws/eu-central-1"]) with { Critical = true, MinConcurrentAfterLoss = 8 },
        Shaped("vault", AppShape.VirtualMachine, "security", ["scaleway/fr-par", "scaleway/nl-ams", "aws/eu-west-3"]) with { Critical = true, QuorumMajority = true },
        Shaped(Deployments, AppShape.Deployment, "customers", AllSites) with { Image = "quay.io/keycloak/keycloak:26.4.0" },
        Helm("tracing", "monitoring", new("tempo", "https://grafana-community.github.io/helm-charts", "1.24.0", "2.9.0"), ["aws/eu-west-3"]) with { DependsOn = ["object-storage"] },
        Shaped("uptime-probes", AppShape.Deployment, "monitoring", ["ovh/gra", "aws/us-east-1"]) with { Critical = true, Observes = ["status-page"], Image = "prom/blackbox-exporter:v0.27.0" },
        Shaped("incident-paging", AppShape.Deployment, "monitoring", ["aws/eu-central-1", "ovh/sbg"]) with { Critical = true, DependsOn = ["alerting"], Image = "ghcr.io/cloud-iam/pager-bridge:2.3.1" },
        Helm("secrets-sync", "security", new("external-secrets", "https://charts.external-secrets.io", "0.20.4", "v0.20.4"), ["scaleway/fr-par", "aws/eu-west-3"]) with { Critical = true },
        Shaped("dns-failover", AppShape.Deployment, "networking", ["scaleway/fr-par", "scaleway/pl-waw", "aws/eu-west-3", "aws/us-east-1"]) with { Critical = true, MinHealthy = 2, Image = "registry.k8s.io/external-dns/external-dns:v0.19.0" },
        Helm("backup", "platform", new("velero", "https://vmware-tanzu.github.io/helm-charts", "11.1.1", "1.17.0"), ["scaleway/pl-waw", "aws/eu-central-1"]) with { Critical = true, DependsOn = ["object-storage"] },
        Shaped("object-storage", AppShape.Bucket, "platform", ["scaleway/fr-par", "aws/eu-west-3"]) with { Critical = true },
        Helm("artifact-registry", "platform", new("harbor", "https://helm.goharbor.io", "1.18.0", "2.14.0"), ["scaleway/fr-par"]) with { Critical = true },
        Shaped("git-mirror", AppShape.VirtualMachine, "platform", ["aws/eu-west-3"]) with { Critical = true },
        Shaped("chatops", AppShape.Deployment, "platform", ["ovh/gra"]) with { DependsOn = ["incident-paging"], Image = "ghcr.io/cloud-iam/chatops:0.9.2" },
        Shaped("log-archive", AppShape.Bucket, "logging", ["scaleway/nl-ams", "aws/eu-central-1"]) with { Critical = true },
        Helm("cert-manager", "platform", new("cert-manager", "https://charts.jetstack.io", "v1.19.1", "v1.19.1"), AllSites) with { Critical = true },
        Helm("ingress", "networking", new("ingress-nginx", "https://kubernetes.github.io/ingress-nginx", "4.13.3", "1.13.3"), ["scaleway/fr-par", "aws/eu-west-3", "ovh/gra"]) with { Critical = true, MinHealthy = 2 },
        Helm("service-mesh", "networking", new("linkerd-control-plane", "https://helm.linkerd.io/edge", "2025.10.1", "edge-25.10.1"), ["scaleway/fr-par", "scaleway/nl-ams", "scaleway/pl-waw"]),
        Shaped("feature-flags", AppShape.Deployment, "platform", ["ovh/sbg"]) with { Image = "ghcr.io/open-feature/flagd:v0.12.9" },
        Shaped("on-call-schedule", AppShape.Deployment, "monitoring", ["scaleway/fr-par", "scaleway/nl-ams"]) with { Critical = true, Image = "ghcr.io/cloud-iam/oncall:1.4.0" },
        Shaped("runbooks", AppShape.Deployment, "platform", ["aws/us-east-1"]) with { Image = "ghcr.io/cloud-iam/runbooks:2026.8.1" },
        Helm("audit-log", "logging", new("fluent-bit", "https://fluent.github.io/helm-charts", "0.54.0", "4.1.1"), ["scaleway/fr-par", "ovh/gra"]) with { Critical = true, Observes = ["ci-runners"] },
        Shaped("sso-broker", AppShape.StatefulSet, "security", ["scaleway/fr-par", "aws/eu-west-3", "ovh/gra"]) with { Critical = true, QuorumMajority = true, Image = "quay.io/keycloak/keycloak:26.4.0" },
        Shaped("cost-reports", AppShape.Deployment, "platform", ["aws/us-east-1"]) with { Image = "ghcr.io/opencost/opencost:1.118.0" },
        Helm("config-sync", "platform", new("argo-cd", "https://argoproj.github.io/argo-helm", "9.0.5", "v3.1.9"), ["scaleway/fr-par", "aws/eu-west-3"]) with { Critical = true, DependsOn = ["artifact-registry"] },
        Helm("image-scanning", "security", new("trivy-operator", "https://aquasecurity.github.io/helm-charts", "0.31.0", "0.29.0"), ["scaleway/pl-waw", "aws/eu-central-1"]),
    ];

    /// <summary>The seven capabilities of the fleet shapes, each a Helm release on every cluster.</summary>
    public static IReadOnlyList<SyntheticCapability> Fleet { get; } =
    [
        Helm("metrics", "monitoring", new("kube-prometheus-stack", "https://prometheus-community.github.io/helm-charts", "88.5.3", "v0.93.1"), FleetSites) with { Critical = true },
        Helm("logs", "logging", new("loki", "https://grafana-community.github.io/helm-charts", "18.11.0", "3.7.6"), FleetSites) with { Critical = true },
        Helm("alerting", "monitoring", new("alertmanager", "https://prometheus-community.github.io/helm-charts", "1.42.0", "v0.34.0"), FleetSites) with { Critical = true, Observes = ["metrics"] },
        Helm("ingress", "networking", new("ingress-nginx", "https://kubernetes.github.io/ingress-nginx", "4.13.3", "1.13.3"), FleetSites) with { Critical = true, MinHealthy = 2 },
        Helm("cert-manager", "platform", new("cert-manager", "https://charts.jetstack.io", "v1.19.1", "v1.19.1"), FleetSites) with { Critical = true },
        Helm("secrets-sync", "security", new("external-secrets", "https://charts.external-secrets.io", "0.20.4", "v0.20.4"), FleetSites) with { Critical = true, QuorumMajority = true },
        Helm("config-sync", "platform", new("argo-cd", "https://argoproj.github.io/argo-helm", "9.0.5", "v3.1.9"), FleetSites) with { DependsOn = ["secrets-sync"] },
    ];

    /// <summary>Namespaces of every fleet cluster; releases take them in turn, independently of their capability.</summary>
    public static IReadOnlyList<string> FleetNamespaces { get; } =
        ["cert-manager", "ingress", "logging", "monitoring", "networking", "platform", "secrets", "security", "tenants"];

    public static IReadOnlyList<SyntheticCapability> Of(ExportShape shape) => shape == ExportShape.Estate ? All : Fleet;

    private static SyntheticCapability Helm(string name, string ns, HelmChart chart, IReadOnlyList<string> sites) =>
        new() { Name = name, Shape = AppShape.Helm, Chart = chart, Namespace = ns, Sites = sites };

    private static SyntheticCapability Shaped(string name, AppShape shape, string ns, IReadOnlyList<string> sites) =>
        new() { Name = name, Shape = shape, Namespace = ns, Sites = sites };
}
