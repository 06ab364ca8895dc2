using System.Collections.Immutable;
using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Platform;
using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Components.Observability;

public sealed record AlertingArgs
{
    public required KubernetesSite Site { get; init; }

    public required ToolingNamespace Namespace { get; init; }

    public required AlertingConfig Config { get; init; }

    /// <summary>Receiver name → secret config key of its webhook URL.</summary>
    public required ImmutableSortedDictionary<string, ConfigKey> WebhookUrls { get; init; }

    /// <summary>The dead man's switch: the URL this site's Watchdog pings; silence there pages on-call.</summary>
    public required ConfigKey HeartbeatUrl { get; init; }
}

/// <summary>
/// Alertmanager (standalone chart): routes and receivers from stack config. Webhook URLs (and the dead man's
/// switch) come from secret config into a Kubernetes Secret mounted in the pods, and the configuration (a ConfigMap)
/// names only the files (<c>url_file</c>), so no URL is readable in clear in the cluster (SEC010). Two routes come
/// before the configured ones so that no person ever gets them: the always-firing Watchdog goes to the dead man's
/// switch (an external heartbeat check that pages when the pings stop, i.e. when this site's alerting is down), and
/// InfoInhibitor, which only exists to mute info alerts, goes nowhere.
/// </summary>
public sealed class Alerting
{
    public const string ReleaseName = "alertmanager";

    private const string WebhooksPath = "/etc/alertmanager/webhooks";

    public const string Watchdog = "Watchdog";
    public const string InfoInhibitor = "InfoInhibitor";

    /// <summary>How long Alertmanager waits for more alerts of a new group before the first notification.</summary>
    public static readonly TimeSpan GroupWait = TimeSpan.FromSeconds(30);

    /// <summary>How often the Watchdog pings the heartbeat check: the check's grace period must be longer.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromMinutes(1);

    public Alerting(ProgramBuilder program, AlertingArgs args)
    {
        var (site, config) = (args.Site, args.Config);
        // Platform, like every Secret: it is configuration, not an instance of the capability that mounts it.
        var webhooks = program.Add(site.LogicalName("alertmanager-webhooks"), new KubernetesSecret
        {
            Metadata = new ObjectMeta { Name = "alertmanager-webhooks", Namespace = args.Namespace.Resource.MetadataName(), Labels = Capability.Map(Capability.Platform) },
            Type = "Opaque",
            StringData = config.Receivers.Aggregate(
                new ExprMap { [AlertingConfig.DeadMansSwitch] = args.HeartbeatUrl },
                (urls, receiver) => urls.With(new ExprMap { [receiver.Name] = args.WebhookUrls[receiver.Name] })),
        }, new ResourceOptions { Provider = site.Kubernetes, Parent = args.Namespace.Resource });
        Release = Tooling.Release(program, site, args.Namespace, HelmCharts.Alertmanager, ReleaseName, Capability.Alerting, new ExprMap
        {
            // Replicas gossip into one Alertmanager cluster, so a notification is sent once.
            ["replicaCount"] = site.Cluster.Replicas,
            ["persistence"] = Tooling.Persistence(site, site.Cluster.Volumes.Alertmanager, storageClassKey: "storageClass"),
            ["extraSecretMounts"] = new ExprList(
            [
                new ExprMap { ["name"] = "webhooks", ["mountPath"] = WebhooksPath, ["secretName"] = webhooks.MetadataName(), ["readOnly"] = true },
            ]),
            ["config"] = Config(config),
        });
        Service = new InClusterService(ReleaseName, args.Namespace.Name, 9093);
    }

    public Resource<HelmRelease> Release { get; }

    public InClusterService Service { get; }

    public static ToolingEndpoint Endpoint(ClusterConfig cluster) => Tooling.Endpoint(cluster, "alertmanager", "/-/healthy");

    /// <summary>
    /// The Alertmanager configuration. Alerts group by deployment too, so two deployments failing at once are two
    /// pages; <c>site</c> keeps the two sites' pages for one failure apart (see <see cref="DeploymentAlerts"/>).
    /// </summary>
    public static ExprMap Config(AlertingConfig config)
    {
        var heartbeat = DeploymentAlerts.Prometheus(HeartbeatInterval);
        return new ExprMap
        {
            ["global"] = new ExprMap { ["resolve_timeout"] = "5m" },
            ["route"] = new ExprMap
            {
                ["receiver"] = config.DefaultReceiver,
                ["group_by"] = new ExprList(["alertname", "site", "deployment"]),
                ["group_wait"] = DeploymentAlerts.Prometheus(GroupWait),
                ["group_interval"] = "5m",
                ["repeat_interval"] = "4h",
                ["routes"] = new ExprList(
                [
                    new ExprMap
                    {
                        ["receiver"] = AlertingConfig.DeadMansSwitch,
                        ["matchers"] = new ExprList([$"alertname=\"{Watchdog}\""]),
                        ["group_wait"] = "0s",
                        ["group_interval"] = heartbeat,
                        ["repeat_interval"] = heartbeat,
                    },
                    new ExprMap { ["receiver"] = AlertingConfig.Blackhole, ["matchers"] = new ExprList([$"alertname=\"{InfoInhibitor}\""]) },
                    .. config.Routes.Select(route => new ExprMap
                    {
                        ["receiver"] = route.Receiver,
                        ["matchers"] = ExprList.Of(route.Matchers, matcher => matcher),
                    }),
                ]),
            },
            // kube-prometheus-stack's InfoInhibitor fires while info alerts have nothing worse beside them: it mutes them.
            ["inhibit_rules"] = new ExprList(
            [
                new ExprMap
                {
                    ["source_matchers"] = new ExprList([$"alertname=\"{InfoInhibitor}\""]),
                    ["target_matchers"] = new ExprList(["severity=\"info\""]),
                    ["equal"] = new ExprList(["namespace"]),
                },
            ]),
            ["receivers"] = new ExprList(
            [
                .. config.Receivers.Select(receiver => new ExprMap
                {
                    ["name"] = receiver.Name,
                    ["webhook_configs"] = new ExprList([new ExprMap { ["url_file"] = $"{WebhooksPath}/{receiver.Name}", ["send_resolved"] = true }]),
                }),
                new ExprMap
                {
                    ["name"] = AlertingConfig.DeadMansSwitch,
                    ["webhook_configs"] = new ExprList([new ExprMap { ["url_file"] = $"{WebhooksPath}/{AlertingConfig.DeadMansSwitch}", ["send_resolved"] = false }]),
                },
                new ExprMap { ["name"] = AlertingConfig.Blackhole },
            ]),
        };
    }
}
