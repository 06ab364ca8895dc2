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
}

/// <summary>
/// Alertmanager (standalone chart): routes and receivers from stack config. Webhook URLs come from secret config
/// into a Kubernetes Secret mounted in the pods, and the configuration (a ConfigMap) names only the files
/// (<c>url_file</c>), so no URL is readable in clear in the cluster (SEC010).
/// </summary>
public sealed class Alerting
{
    public const string ReleaseName = "alertmanager";

    private const string WebhooksPath = "/etc/alertmanager/webhooks";

    public Alerting(ProgramBuilder program, AlertingArgs args)
    {
        var (site, config) = (args.Site, args.Config);
        var webhooks = program.Add(site.LogicalName("alertmanager-webhooks"), new KubernetesSecret
        {
            Metadata = new ObjectMeta { Name = "alertmanager-webhooks", Namespace = args.Namespace.Resource.MetadataName(), Labels = Capability.Map(Capability.Alerting) },
            Type = "Opaque",
            StringData = config.Receivers.Aggregate(new ExprMap(), (urls, receiver) => urls.With(new ExprMap { [receiver.Name] = args.WebhookUrls[receiver.Name] })),
        }, new ResourceOptions { Provider = site.Kubernetes, Parent = args.Namespace.Resource });
        Release = Tooling.Release(program, site, args.Namespace, HelmCharts.Alertmanager, ReleaseName, Capability.Alerting, new ExprMap
        {
            // Replicas gossip into one Alertmanager cluster, so a notification is sent once.
            ["replicaCount"] = site.Cluster.Replicas,
            ["persistence"] = Tooling.Persistence(site, "1Gi", storageClassKey: "storageClass"),
            ["extraSecretMounts"] = new ExprList(
            [
                new ExprMap { ["name"] = "webhooks", ["mountPath"] = WebhooksPath, ["secretName"] = webhooks.MetadataName(), ["readOnly"] = true },
            ]),
            ["config"] = new ExprMap
            {
                ["global"] = new ExprMap { ["resolve_timeout"] = "5m" },
                ["route"] = new ExprMap
                {
                    ["receiver"] = config.DefaultReceiver,
                    ["group_by"] = new ExprList(["alertname", "site"]),
                    ["group_wait"] = "30s",
                    ["group_interval"] = "5m",
                    ["repeat_interval"] = "4h",
                    ["routes"] = ExprList.Of(config.Routes, route => new ExprMap
                    {
                        ["receiver"] = route.Receiver,
                        ["matchers"] = ExprList.Of(route.Matchers, matcher => matcher),
                    }),
                },
                ["receivers"] = ExprList.Of(config.Receivers, receiver => new ExprMap
                {
                    ["name"] = receiver.Name,
                    ["webhook_configs"] = new ExprList(
                    [
                        new ExprMap { ["url_file"] = $"{WebhooksPath}/{receiver.Name}", ["send_resolved"] = true },
                    ]),
                }),
            },
        });
        Service = new InClusterService(ReleaseName, args.Namespace.Name, 9093);
    }

    public Resource<HelmRelease> Release { get; }

    public InClusterService Service { get; }

    public static ToolingEndpoint Endpoint(ClusterConfig cluster) => Tooling.Endpoint(cluster, "alertmanager", "/-/healthy");
}
