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
        }.OfType<ExprMap>().Concat(args.OtherSites.SelectMany(other => RemoteSources(other)));
        // The admin password and the other sites' read password reach Grafana through a Kubernetes Secret, never
        // through chart values: the datasources name the password by environment variable, which Grafana expands.
        // Platform, like every Secret: it is configuration, not an instance of the capability that mounts it.
        var admin = program.Add(site.LogicalName("grafana-admin"), new KubernetesSecret
        {
            Metadata = new ObjectMeta { Name = "grafana-admin", Namespace = args.Namespace.Resource.MetadataName(), Labels = Capability.Map(Capability.Platform) },
            Type = "Opaque",
            StringData = new ExprMap { ["admin-user"] = "admin", ["admin-password"] = args.AdminPassword, [RemoteReadPasswordKey] = args.RemoteReadPassword },
        }, new ResourceOptions { Provider = site.Kubernetes, Parent = args.Namespace.Resource });
        Release = Tooling.Release(program, site, args.Namespace, HelmCharts.Grafana, ReleaseName, Capability.Dashboards, new ExprMap
        {
            ["admin"] = new ExprMap { ["existingSecret"] = admin.MetadataName(), ["userKey"] = "admin-user", ["passwordKey"] = "admin-password" },
            ["envValueFrom"] = new ExprMap
            {
                [RemoteReadPasswordVariable] = new ExprMap { ["secretKeyRef"] = new ExprMap { ["name"] = admin.MetadataName(), ["key"] = RemoteReadPasswordKey } },
            },
            // Only people with the admin password or an account it creates get in: no anonymous viewers, no self sign-up.
            ["grafana.ini"] = new ExprMap
            {
                ["server"] = new ExprMap { ["root_url"] = $"https://{Endpoint(site.Cluster).Host}" },
                ["auth.anonymous"] = new ExprMap { ["enabled"] = false },
                ["users"] = new ExprMap { ["allow_sign_up"] = false },
            },
            ["persistence"] = Tooling.Persistence(site, site.Cluster.Volumes.Grafana, storageClassKey: "storageClassName"),
            ["datasources"] = new ExprMap
            {
                ["datasources.yaml"] = new ExprMap { ["apiVersion"] = 1, ["datasources"] = ExprList.Of(sources, source => source) },
            },
        });
    }

    public Resource<HelmRelease> Release { get; }

    /// <summary>The chart's Service (port 80 in front of Grafana's 3000).</summary>
    public static InClusterService Service(string ns) => new(ReleaseName, ns, 80, 3000);

    public static ToolingEndpoint Endpoint(ClusterConfig cluster) => Tooling.Endpoint(cluster, "grafana", "/api/health");

    /// <summary>The data sources of another site: its public Prometheus and Loki hosts, behind that site's authentication.</summary>
    private const string RemoteReadPasswordKey = "tooling-read-password";
    private const string RemoteReadPasswordVariable = "TOOLING_READ_PASSWORD";

    public static IEnumerable<ExprMap> RemoteSources(ClusterConfig other) =>
        new[]
        {
            other.Runs(Capability.Metrics) ? DataSource($"Prometheus {other.Name}", "prometheus", Metrics.PublicUrl(other)) : null,
            other.Runs(Capability.Logs) ? DataSource($"Loki {other.Name}", "loki", Logs.PublicUrl(other)) : null,
        }.OfType<ExprMap>().Select(source => source.With(new ExprMap
        {
            ["basicAuth"] = true,
            ["basicAuthUser"] = RemoteReader,
            ["secureJsonData"] = new ExprMap { ["basicAuthPassword"] = $"${RemoteReadPasswordVariable}" },
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
