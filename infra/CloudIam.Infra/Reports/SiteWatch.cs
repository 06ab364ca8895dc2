using System.Collections.Immutable;
using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Components;
using CloudIam.Infra.Components.Observability;
using CloudIam.Infra.Components.StatusPage;
using CloudIam.Infra.Stacks;

namespace CloudIam.Infra.Reports;

/// <summary>
/// Who watches what from one site, and who gets paged: what <c>plan</c> shows per site so that a reviewer sees the
/// paging design without reading Helm values. Built from the same settings the components deploy.
/// </summary>
public sealed record SiteWatch
{
    public required string Site { get; init; }

    public required string Provider { get; init; }

    /// <summary>Section name → items, in display order.</summary>
    public required ImmutableArray<(string Section, ImmutableArray<string> Items)> Sections { get; init; }

    public static ImmutableArray<SiteWatch> For(StackConfig config) => [.. config.Clusters.Select(cluster => For(config, cluster))];

    private static SiteWatch For(StackConfig config, ClusterConfig cluster)
    {
        var others = config.Clusters.Where(other => other.Name != cluster.Name).ToList();
        var sections = new List<(string Section, ImmutableArray<string> Items)>();
        void Add(string section, IEnumerable<string?> items) => sections.Add((section, [.. items.OfType<string>()]));

        if (cluster.Runs(Capability.StatusPage))
        {
            var interval = DeploymentAlerts.Prometheus(StatusPage.DeploymentProbeInterval);
            Add("probes", config.Deployments.Select(deployment => $"{deployment.Name} {deployment.Url} every {interval}")
                .Concat(others.Select(other => $"tooling of {other.Name} ({string.Join(", ", other.Capabilities.Where(c => c != Capability.CiRunners))}) every 1m")));
        }

        if (cluster.Runs(Capability.Alerting))
        {
            var alerting = config.Alerting;
            var heartbeat = $"${{{cluster.HeartbeatUrlSecret}}}";
            Add("alert routes", new[]
            {
                $"alertname=\"{Alerting.Watchdog}\" -> {AlertingConfig.DeadMansSwitch}",
                $"alertname=\"{Alerting.InfoInhibitor}\" -> {AlertingConfig.Blackhole} (nobody)",
            }.Concat(alerting.Routes.Select(route => $"{string.Join(", ", route.Matchers)} -> {route.Receiver}")).Concat(new[]
            {
                $"anything else -> {alerting.DefaultReceiver}",
                cluster.Runs(Capability.Metrics) && cluster.Runs(Capability.StatusPage)
                    ? $"{DeploymentAlerts.DeploymentDown} (severity critical, for {DeploymentAlerts.Prometheus(DeploymentAlerts.DownFor)}) on each deployment probe, labels site={cluster.Name}, deployment=<name>"
                    : "no deployment probe alerts: this site does not run both metrics and the status page",
            }));
            Add("receivers", alerting.Receivers.Select(receiver => $"{receiver.Name}: webhook ${{{receiver.WebhookUrlSecret}}}").Concat(new[]
            {
                $"{AlertingConfig.DeadMansSwitch}: webhook {heartbeat}",
                $"{AlertingConfig.Blackhole}: none",
            }));
            Add("dead man's switch", new[]
            {
                $"{Alerting.Watchdog} pings {heartbeat} every {DeploymentAlerts.Prometheus(Alerting.HeartbeatInterval)}; when the pings stop, that check pages on-call",
            });
        }

        Add("log shipper", new[]
        {
            cluster.Runs(Capability.Logs)
                ? $"{HelmCharts.Alloy.Name} {HelmCharts.Alloy.Version} (DaemonSet) -> Loki of {cluster.Name}, labels site, capability, namespace, pod, container"
                : "none: this site runs no Loki",
        });
        if (cluster.Runs(Capability.Dashboards))
        {
            Add("grafana datasources", new[]
            {
                cluster.Runs(Capability.Metrics) ? $"Prometheus {cluster.Name} (in cluster)" : null,
                cluster.Runs(Capability.Logs) ? $"Loki {cluster.Name} (in cluster)" : null,
                cluster.Runs(Capability.Alerting) ? $"Alertmanager {cluster.Name} (in cluster)" : null,
            }.Concat(others.SelectMany(other => new[]
            {
                other.Runs(Capability.Metrics) ? $"Prometheus {other.Name} ({Metrics.PublicUrl(other)})" : null,
                other.Runs(Capability.Logs) ? $"Loki {other.Name} ({Logs.PublicUrl(other)})" : null,
            })));
        }

        var volumes = cluster.Volumes;
        Add($"persistent volumes ({SiteCatalog.For(cluster.Provider).StorageClass})", new[]
        {
            cluster.Runs(Capability.Metrics) ? $"prometheus {volumes.Prometheus}" : null,
            cluster.Runs(Capability.Logs) ? $"loki {volumes.Loki}" : null,
            cluster.Runs(Capability.Alerting) ? $"alertmanager {volumes.Alertmanager} x {cluster.Replicas}" : null,
            cluster.Runs(Capability.Dashboards) ? $"grafana {volumes.Grafana}" : null,
            cluster.Runs(Capability.StatusPage) ? $"gatus {volumes.StatusPage}" : null,
        });
        return new SiteWatch { Site = cluster.Name, Provider = cluster.Provider, Sections = [.. sections] };
    }
}
