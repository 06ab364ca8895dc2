using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Platform;
using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Components.Observability;

public sealed record MetricsArgs
{
    public required KubernetesSite Site { get; init; }

    public required ToolingNamespace Namespace { get; init; }

    public required string Retention { get; init; }

    /// <summary>The site's Alertmanager, when it runs one; alerts stay on the site that saw them.</summary>
    public InClusterService? Alertmanager { get; init; }
}

/// <summary>
/// Prometheus via kube-prometheus-stack (operator, node exporter, kube-state-metrics), with the bundled Alertmanager
/// and Grafana disabled: those are separate capabilities with their own releases.
/// </summary>
public sealed class Metrics
{
    public const string ReleaseName = "metrics";

    public Metrics(ProgramBuilder program, MetricsArgs args)
    {
        var site = args.Site;
        var prometheusSpec = new ExprMap
        {
            ["retention"] = args.Retention,
            ["externalLabels"] = new ExprMap { ["site"] = site.Name },
            // Pick up ServiceMonitors/PodMonitors/rules of the other releases, not only this one's.
            ["serviceMonitorSelectorNilUsesHelmValues"] = false,
            ["podMonitorSelectorNilUsesHelmValues"] = false,
            ["ruleSelectorNilUsesHelmValues"] = false,
        };
        if (args.Alertmanager is { } alertmanager)
        {
            prometheusSpec = prometheusSpec.With(new ExprMap
            {
                ["alertingEndpoints"] = new ExprList(
                [
                    new ExprMap { ["name"] = alertmanager.Name, ["namespace"] = alertmanager.Namespace, ["port"] = "http", ["apiVersion"] = "v2" },
                ]),
            });
        }

        if (site.StorageClass is { } storageClass)
        {
            prometheusSpec = prometheusSpec.With(new ExprMap
            {
                ["storageSpec"] = new ExprMap
                {
                    ["volumeClaimTemplate"] = new ExprMap
                    {
                        ["spec"] = new ExprMap
                        {
                            ["storageClassName"] = storageClass,
                            ["accessModes"] = new ExprList(["ReadWriteOnce"]),
                            ["resources"] = new ExprMap { ["requests"] = new ExprMap { ["storage"] = "50Gi" } },
                        },
                    },
                },
            });
        }

        Release = Tooling.Release(program, site, args.Namespace, HelmCharts.KubePrometheusStack, ReleaseName, Capability.Metrics, new ExprMap
        {
            ["fullnameOverride"] = ReleaseName,
            ["crds"] = new ExprMap { ["enabled"] = true },
            ["alertmanager"] = new ExprMap { ["enabled"] = false },
            ["grafana"] = new ExprMap { ["enabled"] = false },
            ["prometheus"] = new ExprMap { ["prometheusSpec"] = prometheusSpec },
        });
        Service = new InClusterService($"{ReleaseName}-prometheus", args.Namespace.Name, 9090);
    }

    public Resource<HelmRelease> Release { get; }

    public InClusterService Service { get; }

    public static ToolingEndpoint Endpoint(ClusterConfig cluster) => Tooling.Endpoint(cluster, "prometheus", "/-/healthy");
}
