using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Platform;
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
}

/// <summary>Grafana with the site's own Prometheus, Loki and Alertmanager as data sources.</summary>
public sealed class Dashboards
{
    public const string ReleaseName = "grafana";

    public Dashboards(ProgramBuilder program, DashboardsArgs args)
    {
        var site = args.Site;
        var sources = new[]
        {
            DataSource("Prometheus", "prometheus", args.Prometheus, isDefault: true),
            DataSource("Loki", "loki", args.Loki),
            DataSource("Alertmanager", "alertmanager", args.Alertmanager, new ExprMap { ["implementation"] = "prometheus" }),
        }.OfType<ExprMap>();
        Release = Tooling.Release(program, site, args.Namespace, HelmCharts.Grafana, ReleaseName, Capability.Dashboards, new ExprMap
        {
            ["adminUser"] = "admin",
            ["adminPassword"] = args.AdminPassword,
            ["persistence"] = Tooling.Persistence(site, "5Gi", storageClassKey: "storageClassName"),
            ["datasources"] = new ExprMap
            {
                ["datasources.yaml"] = new ExprMap { ["apiVersion"] = 1, ["datasources"] = ExprList.Of(sources, source => source) },
            },
        });
    }

    public Resource<HelmRelease> Release { get; }

    public static ToolingEndpoint Endpoint(KubernetesSite site) => Tooling.Endpoint(site, "grafana", "/api/health");

    private static ExprMap? DataSource(string name, string type, InClusterService? service, ExprMap? jsonData = null, bool isDefault = false)
    {
        if (service is null)
        {
            return null;
        }

        var source = new ExprMap { ["name"] = name, ["type"] = type, ["url"] = service.Url, ["access"] = "proxy", ["isDefault"] = isDefault };
        return jsonData is null ? source : source.With(new ExprMap { ["jsonData"] = jsonData });
    }
}
