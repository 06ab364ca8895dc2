using System.Collections.Immutable;
using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Components.Isolation;
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
/// <param name="PodPort">The container port behind <paramref name="Port"/>, which NetworkPolicies name.</param>
public sealed record InClusterService(string Name, string Namespace, int Port, int PodPort)
{
    public InClusterService(string name, string ns, int port)
        : this(name, ns, port, port)
    {
    }

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

    /// <summary>
    /// A namespace with its Pod Security labels and its NetworkPolicies: default-deny, then the flows
    /// <paramref name="isolation"/> allows.
    /// </summary>
    public static ToolingNamespace Namespace(ProgramBuilder program, KubernetesSite site, string name, NamespaceIsolation isolation)
    {
        if (isolation.PodSecurity != PodSecurityLevel.Restricted && string.IsNullOrWhiteSpace(isolation.Reason))
        {
            throw new ArgumentException($"namespace '{name}' enforces {isolation.PodSecurity}: say why it cannot be restricted", nameof(isolation));
        }

        var resource = program.Add(site.LogicalName(name), new KubernetesNamespace
        {
            Metadata = new ObjectMeta
            {
                Name = name,
                Labels = Capability.Map(Capability.Platform).SetItems(isolation.Labels()),
                Annotations = isolation.Reason is { } reason
                    ? ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal).Add(NamespaceIsolation.ReasonAnnotation, reason)
                    : null,
            },
        }, new ResourceOptions { Provider = site.Kubernetes, Parent = site.ClusterResource });
        var ns = new ToolingNamespace { Name = name, Resource = resource };
        foreach (var (policyName, why, spec) in isolation.Policies())
        {
            Policy(program, site, ns, policyName, why, spec);
        }

        return ns;
    }

    /// <summary>A flow into or out of <paramref name="ns"/> that another component needs (its Ingress, its scraper).</summary>
    public static void Allow(ProgramBuilder program, KubernetesSite site, ToolingNamespace ns, Flow flow) =>
        Policy(program, site, ns, flow.PolicyName, flow.Why, flow.Spec());

    private static void Policy(ProgramBuilder program, KubernetesSite site, ToolingNamespace ns, string name, string? why, NetworkPolicySpec spec) =>
        program.Add(site.LogicalName($"{ns.Name}-{name}"), new NetworkPolicy
        {
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = ns.Resource.MetadataName(),
                Labels = Capability.Map(Capability.Platform),
                Annotations = why is null ? null : FlowPeer.Labels(Flow.WhyAnnotation, why),
            },
            Spec = spec,
        }, new ResourceOptions { Provider = site.Kubernetes, Parent = ns.Resource });

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
