using System.Collections.Immutable;
using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Components.Observability;
using CloudIam.Infra.Platform;
using CloudIam.Infra.Stacks;

namespace CloudIam.Infra.Components.Exposure;

/// <summary>A tooling UI or API a site publishes when it runs the capability, and who may open it.</summary>
public sealed record ToolingUi(string Capability, Func<ClusterConfig, ToolingEndpoint> Endpoint, Access Access)
{
    /// <summary>Everything with a UI or API; runners have none (they call GitLab).</summary>
    public static ImmutableArray<ToolingUi> All { get; } =
    [
        new(Capabilities.Capability.Metrics, Metrics.Endpoint, Access.GitlabSignIn),
        new(Capabilities.Capability.Logs, Logs.Endpoint, Access.GitlabSignIn),
        new(Capabilities.Capability.Alerting, Alerting.Endpoint, Access.GitlabSignIn),
        new(Capabilities.Capability.Dashboards, Dashboards.Endpoint, Access.OwnLogin),
        new(Capabilities.Capability.StatusPage, StatusPage.StatusPage.Endpoint, Access.Anonymous),
    ];

    public static IEnumerable<ToolingUi> On(ClusterConfig cluster) => All.Where(ui => cluster.Runs(ui.Capability));
}

public sealed record HostPlan
{
    public required string Host { get; init; }

    public required string Access { get; init; }

    public required string Certificate { get; init; }

    /// <summary>Which DNS services publish it, and how.</summary>
    public required string Dns { get; init; }
}

public sealed record SiteExposurePlan
{
    public required string Site { get; init; }

    public required string Controller { get; init; }

    public required string Certificates { get; init; }

    public required string Addresses { get; init; }

    public required ImmutableArray<HostPlan> Hosts { get; init; }
}

/// <summary>How the stack's tooling is reached, for the plan report: the same config the program is built from.</summary>
public sealed record ExposurePlan
{
    public required ImmutableArray<SiteExposurePlan> Sites { get; init; }

    public HostPlan? Status { get; init; }

    public static ExposurePlan? Of(StackConfig stack, Func<string, ISite> siteOf)
    {
        if (stack.Exposure is not { } config)
        {
            return null;
        }

        string DnsOf(string host) => string.Join(" + ", config.ZonesOf(host).Select(zone => $"{siteOf(zone.Provider).DnsServiceName} (zone {zone.Name})"));
        var sites = stack.Clusters.Select(cluster =>
        {
            var uis = ToolingUi.On(cluster).Select(ui => (Endpoint: ui.Endpoint(cluster), ui.Access))
                .Prepend((Endpoint: Exposure.AuthEndpoint(cluster), Access: Access.Anonymous));
            return new SiteExposurePlan
            {
                Site = cluster.Name,
                Controller = $"Traefik (chart {HelmCharts.Traefik.Version}), HTTP redirected to HTTPS",
                Certificates = $"cert-manager {HelmCharts.CertManager.Version}; ClusterIssuers {Exposure.Http01Issuer} (site hosts), {Exposure.Dns01Issuer} (public status host, Route 53)",
                Addresses = siteOf(cluster.Provider).DescribeEntry(cluster),
                Hosts = [.. uis.Select(ui => new HostPlan
                {
                    Host = ui.Endpoint.Host,
                    Access = ui.Endpoint.Name == Exposure.AuthHost ? "sign-in endpoint (oauth2-proxy, GitLab)" : PublishedService.Describe(ui.Access),
                    Certificate = $"Let's Encrypt via {Exposure.Http01Issuer}",
                    Dns = DnsOf(ui.Endpoint.Host),
                })],
            };
        }).ToImmutableArray();
        var servers = stack.Clusters.Where(cluster => cluster.Runs(Capability.StatusPage)).Select(cluster => cluster.Name).ToList();
        return new ExposurePlan
        {
            Sites = sites,
            Status = servers.Count == 0 ? null : new HostPlan
            {
                Host = config.StatusHost,
                Access = PublishedService.Describe(Access.Anonymous),
                Certificate = $"Let's Encrypt via {Exposure.Dns01Issuer} on every serving site (CNAME _acme-challenge.{config.StatusHost} → {PublicDns.AcmeDelegate(config)})",
                Dns = $"served by {string.Join(", ", servers)}; health-checked failover on "
                    + string.Join(" and ", config.ZonesOf(config.StatusHost).Select(zone => siteOf(zone.Provider).DnsServiceName))
                    + $", each probing https://{config.StatusHost}{PublicDns.StatusHealthPath} on every site itself",
            },
        };
    }
}
