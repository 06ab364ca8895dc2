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
        // The admin password reaches Grafana through a Kubernetes Secret, never through chart values.
        var admin = program.Add(site.LogicalName("grafana-admin"), new KubernetesSecret
        {
            Metadata = new ObjectMeta { Name = "grafana-admin", Namespace = args.Namespace.Resource.MetadataName(), Labels = Capability.Map(Capability.Dashboards) },
            Type = "Opaque",
            StringData = new ExprMap { ["admin-user"] = "admin", ["admin-password"] = args.AdminPassword },
        }, new ResourceOptions { Provider = site.Kubernetes, Parent = args.Namespace.Resource });
        Release = Tooling.Release(program, site, args.Namespace, HelmCharts.Grafana, ReleaseName, Capability.Dashboards, new ExprMap
        {
            ["admin"] = new ExprMap { ["existingSecret"] = admin.MetadataName(), ["userKey"] = "admin-user", ["passwordKey"] = "admin-password" },
            // Only people with the admin password or an account it creates get in: no anonymous viewers, no self sign-up.
            ["grafana.ini"] = new ExprMap
            {
                ["server"] = new ExprMap { ["root_url"] = $"https://{Endpoint(site.Cluster).Host}" },
                ["auth.anonymous"] = new ExprMap { ["enabled"] = false },
                ["users"] = new ExprMap { ["allow_sign_up"] = false },
            },
            ["persistence"] = Tooling.Persistence(site, "5Gi", storageClassKey: "storageClassName"),
            ["datasources"] = new ExprMap
            {
                ["datasources.yaml"] = new ExprMap { ["apiVersion"] = 1, ["datasources"] = ExprList.Of(sources, source => source) },
            },
        });
    }

    public Resource<HelmRelease> Release { get; }

    /// <summary>The chart's Service (port 80 in front of Grafana's 3000).</summary>
    public static InClusterService Service(string ns) => new(ReleaseName, ns, 80);

    public static ToolingEndpoint Endpoint(ClusterConfig cluster) => Tooling.Endpoint(cluster, "grafana", "/api/health");

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
