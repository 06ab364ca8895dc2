using System.Collections.Immutable;
using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Resources.Scaleway;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Platform.Scaleway;

/// <summary>
/// Scaleway DNS. Records take one value each; a failover name is one dynamic record (<c>httpService</c>): Scaleway
/// probes the URL on every candidate address and answers only with the healthy ones.
/// </summary>
public sealed class ScalewayDns(ResourceOptions options) : IDnsService
{
    private const int Ttl = 60;

    public void Addresses(ProgramBuilder program, string logicalName, DnsZoneConfig zone, string host, ImmutableArray<Output<string>> addresses)
    {
        foreach (var (address, index) in addresses.Select((address, index) => (address, index)))
        {
            program.Add(addresses.Length == 1 ? logicalName : $"{logicalName}-{index + 1}", new DomainRecord
            {
                DnsZone = zone.Name,
                Name = zone.Relative(host),
                Type = "A",
                Data = address,
                Ttl = Ttl,
            }, options);
        }
    }

    public void Alias(ProgramBuilder program, string logicalName, DnsZoneConfig zone, string host, string target) =>
        program.Add(logicalName, new DomainRecord { DnsZone = zone.Name, Name = zone.Relative(host), Type = "CNAME", Data = $"{target}.", Ttl = Ttl }, options);

    public void Failover(
        ProgramBuilder program, string logicalName, DnsZoneConfig zone, string host, ImmutableArray<FailoverTarget> targets, string healthPath, string healthyText)
    {
        var addresses = targets.SelectMany(target => target.Addresses).ToImmutableArray();
        program.Add(logicalName, new DomainRecord
        {
            DnsZone = zone.Name,
            Name = zone.Relative(host),
            Type = "A",
            Data = addresses[0],
            Ttl = Ttl,
            HttpService = new RecordHttpService
            {
                Ips = ExprList.Of(addresses, address => address),
                MustContain = healthyText,
                Url = $"https://{host}{healthPath}",
                UserAgent = "cloudiam-dns-failover",
                Strategy = "hashed",
            },
        }, options);
    }
}
