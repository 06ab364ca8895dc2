using System.Collections.Immutable;
using CloudIam.Infra.Platform;
using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Components.Exposure;

/// <summary>
/// The DNS records of every published host, written by the DNS service of each provider stack config says serves
/// the host's zone: site hosts point at their site's addresses; the public status host answers, on every provider
/// serving its zone, with the sites whose status page that provider's own health checks find up.
/// </summary>
public static class PublicDns
{
    /// <summary>What both DNS services probe on the status host; Gatus answers <c>{"status":"UP"}</c> there.</summary>
    public const string StatusHealthPath = "/health";

    public const string StatusHealthyText = "UP";

    public static void Declare(
        ProgramBuilder program, ExposureConfig config, ImmutableArray<KubernetesSite> sites, ImmutableDictionary<string, ImmutableArray<string>> hostsBySite)
    {
        IDnsService DnsOf(DnsZoneConfig zone) => sites.First(site => site.Cluster.Provider == zone.Provider).Dns;

        foreach (var site in sites.Where(site => site.Entry is not null))
        {
            foreach (var zone in config.ZonesOf(site.Cluster.ToolingDomain))
            {
                foreach (var host in hostsBySite[site.Name])
                {
                    var label = zone.Relative(host).Split('.')[0];
                    DnsOf(zone).Addresses(program, $"{site.Name}-dns-{label}-{zone.Provider}", zone, host, site.Entry!.Addresses);
                }
            }
        }

        var targets = sites.Where(site => site.Entry is not null && hostsBySite[site.Name].Length > 0 && ServesStatus(site))
            .Select(site => new FailoverTarget { Site = site.Name, Addresses = site.Entry!.Addresses })
            .ToImmutableArray();
        if (targets.IsEmpty)
        {
            return;
        }

        foreach (var zone in config.ZonesOf(config.StatusHost))
        {
            var dns = DnsOf(zone);
            dns.Failover(program, $"status-dns-{zone.Provider}", zone, config.StatusHost, targets, StatusHealthPath, StatusHealthyText);
            dns.Alias(program, $"status-acme-{zone.Provider}", zone, AcmeChallengeName(config.StatusHost), AcmeDelegate(config));
        }
    }

    /// <summary>Where cert-manager writes the status host's DNS-01 answer: a name in the Route 53-only challenge zone.</summary>
    public static string AcmeDelegate(ExposureConfig config) => $"{config.StatusHost.Replace('.', '-')}.{config.AcmeChallengeZone}";

    private static string AcmeChallengeName(string host) => $"_acme-challenge.{host}";

    private static bool ServesStatus(KubernetesSite site) => site.Cluster.Runs(Capabilities.Capability.StatusPage);
}
