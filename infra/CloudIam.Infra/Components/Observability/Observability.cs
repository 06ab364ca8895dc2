using System.Collections.Immutable;
using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Components.Isolation;
using CloudIam.Infra.Components.LogShipping;
using CloudIam.Infra.Platform;
using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Components.Observability;

public sealed record ObservabilityArgs
{
    public required KubernetesSite Site { get; init; }

    public required StackConfig Stack { get; init; }

    public required ConfigKey GrafanaAdminPassword { get; init; }

    /// <summary>Receiver name → secret config key of its webhook URL.</summary>
    public required ImmutableSortedDictionary<string, ConfigKey> WebhookUrls { get; init; }

    /// <summary>The site's dead man's switch URL; required when the site runs alerting.</summary>
    public ConfigKey? HeartbeatUrl { get; init; }

    /// <summary>What this site's Grafana sends to read the other sites' Prometheus and Loki.</summary>
    public required ConfigKey RemoteReadPassword { get; init; }
}

/// <summary>
/// The <c>observability</c> namespace of a site and, as the site's stack config places them, metrics (Prometheus),
/// logs (Loki), alerting (Alertmanager) and dashboards (Grafana), wired to each other inside the cluster.
/// </summary>
public sealed class Observability
{
    public const string NamespaceName = "observability";

    /// <summary>
    /// Nothing outside the namespace may open a connection in (the exposure adds its ingress controller, per published
    /// port): CI jobs cannot push to Loki or silence Alertmanager. What leaves is listed per flow.
    /// </summary>
    public static NamespaceIsolation Isolation(ClusterConfig cluster, bool readsOtherSites) => new()
    {
        PodSecurity = PodSecurityLevel.Privileged,
        Reason = "kube-prometheus-stack's node-exporter needs hostNetwork, hostPID and hostPath, and Alloy reads /var/log from the node: even baseline forbids both",
        Flows =
        [
            Flow.To("scrape", "Prometheus scrapes the metrics endpoints of every namespace's pods (ServiceMonitors, PodMonitors)", FlowPeer.EveryNamespace),
            Flow.To(
                "scrape-nodes", "node-exporter (hostNetwork) and the kubelets answer on node addresses, outside the pod network",
                FlowPeer.NodeAddresses, FlowPort.Tcp(NodeExporterPort), FlowPort.Tcp(KubeletPort)),
            Flow.ToApiServer("the Prometheus operator, kube-state-metrics, Prometheus' service discovery and Alloy's pod discovery read the Kubernetes API"),
            new Flow
            {
                Name = "operator-webhook-from-api-server",
                Why = "the API server calls the Prometheus operator's admission webhook (prometheusOperator.tls.internalPort) on every PrometheusRule; "
                    + "it is outside the pod network, so only the port can be named",
                Direction = FlowDirection.Ingress,
                Peers = [],
                Ports = [FlowPort.Tcp(OperatorWebhookPort)],
            },
            .. cluster.Runs(Capability.Alerting)
                ? [Flow.ToInternet(
                    "alertmanager-webhooks", "Alertmanager pages on-call through HTTPS webhooks and pings the dead man's switch; public addresses only",
                    FlowPort.Tcp(443)) with { Pods = FlowPeer.App(HelmCharts.Alertmanager.Name) }]
                : ImmutableArray<Flow>.Empty,
            .. cluster.Runs(Capability.Dashboards) && readsOtherSites
                ? [Flow.ToInternet(
                    "grafana-other-sites",
                    "Grafana reads the other sites' Prometheus and Loki through their public HTTPS hosts, so one side's dashboards survive the other's outage",
                    FlowPort.Tcp(443)) with { Pods = FlowPeer.App(HelmCharts.Grafana.Name) }]
                : ImmutableArray<Flow>.Empty,
        ],
    };

    /// <summary>Lets this namespace's Prometheus scrape another namespace's pods on <paramref name="port"/>.</summary>
    public static Flow ScrapedBy(string what, int port) =>
        Flow.From("scrape", $"the site's Prometheus scrapes {what}", FlowPeer.Namespace(NamespaceName), FlowPort.Tcp(port));

    private const int NodeExporterPort = 9100;
    private const int KubeletPort = 10250;

    /// <summary>kube-prometheus-stack's <c>prometheusOperator.tls.internalPort</c>, which its admission webhook Service targets.</summary>
    private const int OperatorWebhookPort = 10250;

    private static readonly ImmutableArray<string> Capabilities =
        [Capability.Metrics, Capability.Logs, Capability.Alerting, Capability.Dashboards];

    public Observability(ProgramBuilder program, ObservabilityArgs args)
    {
        var site = args.Site;
        if (!Capabilities.Any(site.Cluster.Runs))
        {
            return;
        }

        var ns = Tooling.Namespace(program, site, NamespaceName, Isolation(site.Cluster, args.Stack.Clusters.Length > 1));
        Namespace = ns;
        Alerting = site.Cluster.Runs(Capability.Alerting)
            ? new Alerting(program, new AlertingArgs
            {
                Site = site,
                Namespace = ns,
                Config = args.Stack.Alerting,
                WebhookUrls = args.WebhookUrls,
                HeartbeatUrl = args.HeartbeatUrl ?? throw new InvalidOperationException($"{site.Name} runs alerting without a heartbeat URL"),
            })
            : null;
        Metrics = site.Cluster.Runs(Capability.Metrics)
            ? new Metrics(program, new MetricsArgs
            {
                Site = site,
                Namespace = ns,
                Retention = args.Stack.MetricsRetention,
                Alertmanager = Alerting?.Service,
                Runbooks = $"{args.Stack.GitlabUrl}/cloud-iam/runbooks/-/blob/main/alerts.md",
            })
            : null;
        Logs = site.Cluster.Runs(Capability.Logs) ? new Logs(program, new LogsArgs { Site = site, Namespace = ns }) : null;
        LogShipper = Logs is null ? null : new LogShipper(program, new LogShipperArgs { Site = site, Namespace = ns, Loki = Logs.Service });
        Dashboards = site.Cluster.Runs(Capability.Dashboards)
            ? new Dashboards(program, new DashboardsArgs
            {
                Site = site,
                Namespace = ns,
                AdminPassword = args.GrafanaAdminPassword,
                Prometheus = Metrics?.Service,
                Loki = Logs?.Service,
                Alertmanager = Alerting?.Service,
                OtherSites = [.. args.Stack.Clusters.Where(other => other.Name != site.Name)],
                RemoteReadPassword = args.RemoteReadPassword,
            })
            : null;
    }

    public ToolingNamespace? Namespace { get; }

    public Metrics? Metrics { get; }

    public Logs? Logs { get; }

    public Alerting? Alerting { get; }

    public Dashboards? Dashboards { get; }

    public LogShipper? LogShipper { get; }
}
