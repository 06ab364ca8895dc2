using System.Collections.Immutable;
using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Platform;
using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Components.Observability;

public sealed record DashboardsArgs
{
    public required KubernetesSite Site { get; init; }

    public required ToolingNamespace Namespace { get; init; }

    public required ConfigKey AdminPassword { get; init; }

    public InClusterService? Prometheus { get; init; }

    public InClusterService? Loki { get; init; }

    public InClusterService? Alertmanager { get; init; }

    /// <summary>The other sites, whose Prometheus and Loki this Grafana also reads through their public hosts.</summary>
    public ImmutableArray<ClusterConfig> OtherSites { get; init; } = [];

    /// <summary>The password (user <see cref="Dashboards.RemoteReader"/>) the other sites' auth accepts for reading.</summary>
    public required ConfigKey RemoteReadPassword { get; init; }
}

/// <summary>
/// Grafana with the site's own Prometheus, Loki and Alertmanager as data sources, and the other sites' Prometheus and
/// Loki through their public hosts: either Grafana shows the whole picture while the other site is gone.
/// </summary>
public sealed class Dashboards
{
    public const string ReleaseName = "grafana";

    /// <summary>The user Grafana reads the other sites' APIs as.</summary>
    public const string RemoteReader = "grafana";

    public Dashboards(ProgramBuilder program, DashboardsArgs args)
    {
        var site = args.Site;
        var sources = new[]
        {
            DataSource($"Prometheus {site.Name}", "prometheus", args.Prometheus?.Url, isDefault: true),
            DataSource($"Loki {site.Name}", "loki", args.Loki?.Url),
            DataSource($"Alertmanager {site.Name}", "alertmanager", args.Alertmanager?.Url, new ExprMap { ["implementation"] = "prometheus" }),
        }.OfType<ExprMap>().Concat(args.OtherSites.SelectMany(other => RemoteSources(other, args.RemoteReadPassword)));
        Release = Tooling.Release(program, site, args.Namespace, HelmCharts.Grafana, ReleaseName, Capability.Dashboards, new ExprMap
        {
            ["adminUser"] = "admin",
            ["adminPassword"] = args.AdminPassword,
            ["persistence"] = Tooling.Persistence(site, site.Cluster.Volumes.Grafana, storageClassKey: "storageClassName"),
            ["datasources"] = new ExprMap
            {
                ["datasources.yaml"] = new ExprMap { ["apiVersion"] = 1, ["datasources"] = ExprList.Of(sources, source => source) },
            },
        });
    }

    public Resource<HelmRelease> Release { get; }

    public static ToolingEndpoint Endpoint(KubernetesSite site) => Tooling.Endpoint(site, "grafana", "/api/health");

    /// <summary>The data sources of another site: its public Prometheus and Loki hosts, behind that site's authentication.</summary>
    public static IEnumerable<ExprMap> RemoteSources(ClusterConfig other, ConfigKey password) =>
        new[]
        {
            other.Runs(Capability.Metrics) ? DataSource($"Prometheus {other.Name}", "prometheus", Metrics.PublicUrl(other)) : null,
            other.Runs(Capability.Logs) ? DataSource($"Loki {other.Name}", "loki", Logs.PublicUrl(other)) : null,
        }.OfType<ExprMap>().Select(source => source.With(new ExprMap
        {
            ["basicAuth"] = true,
            ["basicAuthUser"] = RemoteReader,
            ["secureJsonData"] = new ExprMap { ["basicAuthPassword"] = password },
        }));

    private static ExprMap? DataSource(string name, string type, string? url, ExprMap? jsonData = null, bool isDefault = false)
    {
        if (url is null)
        {
            return null;
        }

        var source = new ExprMap { ["name"] = name, ["type"] = type, ["url"] = url, ["access"] = "proxy", ["isDefault"] = isDefault };
        return jsonData is null ? source : source.With(new ExprMap { ["jsonData"] = jsonData });
    }
}
