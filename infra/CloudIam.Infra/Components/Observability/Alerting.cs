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
/// Alertmanager (standalone chart): routes and receivers from stack config; webhook URLs only as
/// <c>${secretKey}</c> references, so they stay encrypted in Pulumi state.
/// </summary>
public sealed class Alerting
{
    public const string ReleaseName = "alertmanager";

    public Alerting(ProgramBuilder program, AlertingArgs args)
    {
        var (site, config) = (args.Site, args.Config);
        Release = Tooling.Release(program, site, args.Namespace, HelmCharts.Alertmanager, ReleaseName, Capability.Alerting, new ExprMap
        {
            // Replicas gossip into one Alertmanager cluster, so a notification is sent once.
            ["replicaCount"] = site.Cluster.Replicas,
            ["persistence"] = Tooling.Persistence(site, "1Gi", storageClassKey: "storageClass"),
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
                        new ExprMap { ["url"] = args.WebhookUrls[receiver.Name], ["send_resolved"] = true },
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
