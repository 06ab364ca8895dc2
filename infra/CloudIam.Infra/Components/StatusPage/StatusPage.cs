using System.Collections.Immutable;
using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Platform;
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

    public StatusPage(ProgramBuilder program, StatusPageArgs args)
    {
        var site = args.Site;
        Namespace = Tooling.Namespace(program, site, NamespaceName);
        var endpoints = args.Providers.Where(provider => provider.Status is not null)
            .Select(provider => Probe(provider.Name, "cloud-providers", provider.Status!.Url, "2m", provider.Status.Conditions))
            .Concat(args.OtherSites.Select(endpoint => Probe(endpoint.Name, $"tooling-{endpoint.Site}", endpoint.Url, "1m", ["[STATUS] == 200"])))
            .Concat(args.Deployments.Select(deployment => Probe(
                deployment.Name, "deployments", deployment.Url, "1m", ["[STATUS] == 200", "[RESPONSE_TIME] < 2000"])));
        Release = Tooling.Release(program, site, Namespace, HelmCharts.Gatus, ReleaseName, Capability.StatusPage, new ExprMap
        {
            ["persistence"] = Tooling.Persistence(site, "1Gi"),
            ["config"] = new ExprMap
            {
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

    public static ToolingEndpoint Endpoint(KubernetesSite site) => Tooling.Endpoint(site, "status", "/health");

    private static ExprMap Probe(string name, string group, string url, string interval, IEnumerable<string> conditions) => new()
    {
        ["name"] = name,
        ["group"] = group,
        ["url"] = url,
        ["interval"] = interval,
        ["conditions"] = ExprList.Of(conditions, condition => condition),
    };
}
