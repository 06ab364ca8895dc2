using System.Collections.Immutable;
using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Components.Isolation;
using CloudIam.Infra.Components.Observability;
using CloudIam.Infra.Platform;
using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Watching;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Components.StatusPage;

public sealed record StatusPageArgs
{
    public required KubernetesSite Site { get; init; }

    /// <summary>Every provider the checker knows; those with a public status page get a probe, whether or not this stack runs on them (deployments may).</summary>
    public required ImmutableArray<ProviderDefinition> Providers { get; init; }

    /// <summary>The tooling of the other sites: an outage there must be visible from here.</summary>
    public required ImmutableArray<ToolingEndpoint> OtherSites { get; init; }

    public required ImmutableArray<CustomerDeployment> Deployments { get; init; }
}

/// <summary>
/// Gatus with a "cloud-providers" group fed by each provider's public status, probes of the other sites' tooling,
/// and probes of the customer deployments (post-mortem action 1).
/// </summary>
public sealed class StatusPage
{
    public const string NamespaceName = "status-page";
    public const string ReleaseName = "gatus";

    /// <summary>Gatus' own port (<c>service.targetPort</c>).</summary>
    private const int PodPort = 8080;

    /// <summary>How often each site probes each customer deployment; the first step of every alert path.</summary>
    public static readonly TimeSpan DeploymentProbeInterval = TimeSpan.FromMinutes(1);

    public StatusPage(ProgramBuilder program, StatusPageArgs args)
    {
        var site = args.Site;
        Namespace = Tooling.Namespace(program, site, NamespaceName, new NamespaceIsolation
        {
            PodSecurity = PodSecurityLevel.Baseline,
            Reason = "the Gatus chart's security context is not verified against restricted (seccompProfile, capabilities)",
            Flows =
            [
                Flow.ToInternet(
                    "probes",
                    "Gatus probes the providers' status pages, the other sites' public tooling hosts and the customer deployments, "
                        + "at whatever port their URLs name; public addresses only"),
                .. site.Cluster.Runs(Capability.Metrics)
                    ? [Observability.Observability.ScrapedBy("the probe results and pages on them (DeploymentAlerts)", PodPort)]
                    : ImmutableArray<Flow>.Empty,
            ],
        });
        var endpoints = args.Providers.Where(provider => provider.Status is not null)
            .Select(provider => Probe(provider.Name, "cloud-providers", provider.Status!.Url, "2m", provider.Status.Conditions))
            .Concat(args.OtherSites.Select(endpoint => Probe(endpoint.Name, $"tooling-{endpoint.Site}", endpoint.Url, "1m", ["[STATUS] == 200"])))
            .Concat(args.Deployments.Select(deployment => Probe(
                deployment.Name, DeploymentAlerts.ProbeGroup, deployment.Url, DeploymentAlerts.Prometheus(DeploymentProbeInterval),
                ["[STATUS] == 200", "[RESPONSE_TIME] < 2000"])));
        // The site's Prometheus scrapes the probe results and pages on them (DeploymentAlerts); Gatus' own alerting
        // stays off so that one failure is one page per site, not two.
        var scraped = site.Cluster.Runs(Capability.Metrics);
        Release = Tooling.Release(program, site, Namespace, HelmCharts.Gatus, ReleaseName, Capability.StatusPage, new ExprMap
        {
            ["persistence"] = Tooling.Persistence(site, site.Cluster.Volumes.StatusPage, storageClassKey: "storageClassName"),
            ["serviceMonitor"] = new ExprMap { ["enabled"] = scraped },
            ["config"] = new ExprMap
            {
                ["metrics"] = scraped,
                // Without a volume, history lives in memory and restarts empty; that beats a pending pod.
                ["storage"] = site.StorageClass is null
                    ? new ExprMap { ["type"] = "memory" }
                    : new ExprMap { ["type"] = "sqlite", ["path"] = "/data/data.db" },
                ["ui"] = new ExprMap { ["title"] = $"Cloud-IAM status ({site.DisplayName})", ["default-sort-by"] = "group" },
                ["endpoints"] = ExprList.Of(endpoints, endpoint => endpoint),
            },
        });
    }

    public ToolingNamespace Namespace { get; }

    public Resource<HelmRelease> Release { get; }

    /// <summary>The chart's Service (<c>service.port</c> 80 in front of Gatus' 8080).</summary>
    public InClusterService Service => new(ReleaseName, NamespaceName, 80, PodPort);

    public static ToolingEndpoint Endpoint(ClusterConfig cluster) => Tooling.Endpoint(cluster, "status", "/health");

    private static ExprMap Probe(string name, string group, string url, string interval, IEnumerable<string> conditions) => new()
    {
        ["name"] = name,
        ["group"] = group,
        ["url"] = url,
        ["interval"] = interval,
        ["conditions"] = ExprList.Of(conditions, condition => condition),
    };
}
