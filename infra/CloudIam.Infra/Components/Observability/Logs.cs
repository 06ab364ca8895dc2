using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Platform;
using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Components.Observability;

public sealed record LogsArgs
{
    public required KubernetesSite Site { get; init; }

    public required ToolingNamespace Namespace { get; init; }
}

/// <summary>Loki in monolithic mode: one binary, filesystem storage, single tenant, no caches or canaries.</summary>
public sealed class Logs
{
    public const string ReleaseName = "loki";

    public Logs(ProgramBuilder program, LogsArgs args)
    {
        var site = args.Site;
        Release = Tooling.Release(program, site, args.Namespace, HelmCharts.Loki, ReleaseName, Capability.Logs, new ExprMap
        {
            ["deploymentMode"] = "Monolithic",
            ["loki"] = new ExprMap
            {
                ["auth_enabled"] = false,
                ["commonConfig"] = new ExprMap { ["replication_factor"] = 1 },
                ["storage"] = new ExprMap { ["type"] = "filesystem" },
                ["schemaConfig"] = new ExprMap
                {
                    ["configs"] = new ExprList(
                    [
                        new ExprMap
                        {
                            ["from"] = "2026-01-01",
                            ["store"] = "tsdb",
                            ["object_store"] = "filesystem",
                            ["schema"] = "v13",
                            ["index"] = new ExprMap { ["prefix"] = "index_", ["period"] = "24h" },
                        },
                    ]),
                },
            },
            ["singleBinary"] = new ExprMap
            {
                ["replicas"] = 1,
                ["persistence"] = Tooling.Persistence(site, site.Cluster.Volumes.Loki, storageClassKey: "storageClass"),
            },
            ["read"] = new ExprMap { ["replicas"] = 0 },
            ["write"] = new ExprMap { ["replicas"] = 0 },
            ["backend"] = new ExprMap { ["replicas"] = 0 },
            ["gateway"] = new ExprMap { ["enabled"] = false },
            ["chunksCache"] = new ExprMap { ["enabled"] = false },
            ["resultsCache"] = new ExprMap { ["enabled"] = false },
            ["lokiCanary"] = new ExprMap { ["enabled"] = false },
            ["test"] = new ExprMap { ["enabled"] = false },
        });
        Service = new InClusterService(ReleaseName, args.Namespace.Name, 3100);
    }

    public Resource<HelmRelease> Release { get; }

    public InClusterService Service { get; }

    /// <summary>The site's public Loki host (exposed behind authentication), which the other sites' Grafana reads.</summary>
    public static string PublicUrl(ClusterConfig cluster) => $"https://loki.{cluster.ToolingDomain}";

    public static ToolingEndpoint Endpoint(ClusterConfig cluster) => Tooling.Endpoint(cluster, "loki", "/ready");
}
