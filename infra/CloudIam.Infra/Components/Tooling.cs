using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Platform;
using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Components;

/// <summary>A namespace the tooling of one concern lives in.</summary>
public sealed record ToolingNamespace
{
    public required Resource<KubernetesNamespace> Resource { get; init; }

    public required string Name { get; init; }
}

/// <summary>A service as other pods of the same cluster reach it.</summary>
public sealed record InClusterService(string Name, string Namespace, int Port)
{
    public string Url => $"http://{Name}.{Namespace}.svc:{Port}";
}

/// <summary>A tooling health URL on a site's tooling domain; the other sites' status pages probe it.</summary>
public sealed record ToolingEndpoint
{
    public required string Site { get; init; }

    public required string Name { get; init; }

    public required string Url { get; init; }

    /// <summary>Fully qualified host (<c>grafana.scw-par.tooling.cloud-iam.com</c>).</summary>
    public required string Host { get; init; }

    /// <summary>Answered without sign-in, so that the other side's probes see the real state.</summary>
    public required string HealthPath { get; init; }
}

/// <summary>
/// The Kubernetes side every tooling component shares: namespaces parented on the cluster, Helm releases
/// parented on their namespace, always through the site's Kubernetes provider and with the capability label.
/// </summary>
public static class Tooling
{
    /// <summary>Helm waits this long (seconds) for a release's pods before the update fails and rolls back.</summary>
    private const int ReleaseTimeoutSeconds = 900;

    public static ToolingNamespace Namespace(ProgramBuilder program, KubernetesSite site, string name) => new()
    {
        Name = name,
        Resource = program.Add(site.LogicalName(name), new KubernetesNamespace
        {
            Metadata = new ObjectMeta { Name = name, Labels = Capability.Map(Capability.Platform) },
        }, new ResourceOptions { Provider = site.Kubernetes, Parent = site.ClusterResource }),
    };

    /// <param name="releaseName">Helm release name; the chart derives its service names from it.</param>
    public static Resource<HelmRelease> Release(
        ProgramBuilder program, KubernetesSite site, ToolingNamespace ns, HelmChart chart, string releaseName, string capability, ExprMap values) =>
        program.Add(site.LogicalName(releaseName), new HelmRelease
        {
            Chart = chart.Name,
            Version = chart.Version,
            RepositoryOpts = new HelmRepositoryOpts { Repo = chart.Repository },
            Name = releaseName,
            Namespace = ns.Resource.MetadataName(),
            Values = chart.LabelKeys.Aggregate(values, (labelled, key) => SetAt(labelled, key.Split('.'), Capability.HelmLabels(capability))),
            Atomic = true,
            CleanupOnFail = true,
            Timeout = ReleaseTimeoutSeconds,
            MaxHistory = 10,
        }, new ResourceOptions { Provider = site.Kubernetes, Parent = ns.Resource, DependsOn = site.StorageReady });

    /// <summary>Sets a value at a dotted path, keeping what the maps on the way already hold; a value already there is a bug and throws.</summary>
    private static ExprMap SetAt(ExprMap map, string[] path, Expr value) => path.Length == 1
        ? map.With(new ExprMap { [path[0]] = value })
        : map.SetItem(path[0], SetAt(map.GetValueOrDefault(path[0]) as ExprMap ?? new ExprMap(), path[1..], value));

    /// <summary>
    /// Chart persistence values: a volume of <paramref name="size"/> on the site's storage class, or none when the
    /// site has no volume provisioner. <paramref name="storageClassKey"/> is the chart's key for the class, if any.
    /// </summary>
    public static ExprMap Persistence(KubernetesSite site, string size, string? storageClassKey = null) => site.StorageClass switch
    {
        null => new ExprMap { ["enabled"] = false },
        var storageClass when storageClassKey is not null => new ExprMap { ["enabled"] = true, ["size"] = size, [storageClassKey] = storageClass },
        _ => new ExprMap { ["enabled"] = true, ["size"] = size },
    };

    public static ToolingEndpoint Endpoint(ClusterConfig cluster, string host, string healthPath) => new()
    {
        Site = cluster.Name,
        Name = host,
        Url = $"https://{host}.{cluster.ToolingDomain}{healthPath}",
        Host = $"{host}.{cluster.ToolingDomain}",
        HealthPath = healthPath,
    };
}
