using System.Collections.Immutable;
using CloudIam.Infra.Capabilities;
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

    private static readonly ImmutableArray<string> Capabilities =
        [Capability.Metrics, Capability.Logs, Capability.Alerting, Capability.Dashboards];

    public Observability(ProgramBuilder program, ObservabilityArgs args)
    {
        var site = args.Site;
        if (!Capabilities.Any(site.Cluster.Runs))
        {
            return;
        }

        var ns = Tooling.Namespace(program, site, NamespaceName);
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
