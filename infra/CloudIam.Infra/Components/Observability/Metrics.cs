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

    /// <summary>Base URL of the runbooks the alert rules link to.</summary>
    public required string Runbooks { get; init; }
}

/// <summary>
/// Prometheus via kube-prometheus-stack (operator, node exporter, kube-state-metrics), with the bundled Alertmanager
/// and Grafana disabled: those are separate capabilities with their own releases. Kapsule and EKS run the control
/// plane themselves and expose neither scheduler, controller manager, etcd nor kube-proxy metrics, so those scrapes
/// and their rules are off: otherwise KubeSchedulerDown and friends fire forever at severity critical.
/// </summary>
public sealed class Metrics
{
    public const string ReleaseName = "metrics";

    public static readonly TimeSpan ScrapeInterval = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan EvaluationInterval = TimeSpan.FromSeconds(30);

    /// <summary>Scrape targets a managed control plane does not expose.</summary>
    private static readonly string[] ManagedControlPlane = ["kubeControllerManager", "kubeEtcd", "kubeProxy", "kubeScheduler"];

    /// <summary>The chart's default rule groups about those targets (and Windows nodes, which neither cluster has).</summary>
    private static readonly string[] ManagedControlPlaneRules =
        ["etcd", "kubeControllerManager", "kubeProxy", "kubeSchedulerAlerting", "kubeSchedulerRecording", "windows"];

    public Metrics(ProgramBuilder program, MetricsArgs args)
    {
        var site = args.Site;
        var prometheusSpec = new ExprMap
        {
            ["retention"] = args.Retention,
            ["scrapeInterval"] = DeploymentAlerts.Prometheus(ScrapeInterval),
            ["evaluationInterval"] = DeploymentAlerts.Prometheus(EvaluationInterval),
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
                            ["resources"] = new ExprMap { ["requests"] = new ExprMap { ["storage"] = site.Cluster.Volumes.Prometheus } },
                        },
                    },
                },
            });
        }

        var values = new ExprMap
        {
            ["fullnameOverride"] = ReleaseName,
            ["crds"] = new ExprMap { ["enabled"] = true },
            ["alertmanager"] = new ExprMap { ["enabled"] = false },
            ["grafana"] = new ExprMap { ["enabled"] = false },
            ["prometheus"] = new ExprMap { ["prometheusSpec"] = prometheusSpec },
            ["defaultRules"] = new ExprMap
            {
                ["rules"] = ManagedControlPlaneRules.Aggregate(new ExprMap(), (rules, rule) => rules.With(new ExprMap { [rule] = false })),
            },
            ["additionalPrometheusRulesMap"] = DeploymentAlerts.RulesMap(args.Runbooks),
        };
        Release = Tooling.Release(program, site, args.Namespace, HelmCharts.KubePrometheusStack, ReleaseName, Capability.Metrics,
            ManagedControlPlane.Aggregate(values, (all, target) => all.With(new ExprMap { [target] = new ExprMap { ["enabled"] = false } })));
        Service = new InClusterService($"{ReleaseName}-prometheus", args.Namespace.Name, 9090);
    }

    public Resource<HelmRelease> Release { get; }

    public InClusterService Service { get; }

    /// <summary>The site's public Prometheus host (exposed behind authentication), which the other sites' Grafana reads.</summary>
    public static string PublicUrl(ClusterConfig cluster) => $"https://prometheus.{cluster.ToolingDomain}";

    public static ToolingEndpoint Endpoint(ClusterConfig cluster) => Tooling.Endpoint(cluster, "prometheus", "/-/healthy");
}
