using System.Collections.Immutable;
using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Resources.Aws;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Platform.Aws;

/// <summary>
/// Route 53. A failover name is a PRIMARY/SECONDARY record pair, each with a health check that Route 53 runs from
/// its own probes against the target's address (Host and SNI set to the name), independent of any other DNS.
/// </summary>
public sealed class Route53Dns(ResourceOptions options, ImmutableSortedDictionary<string, string> tags) : IDnsService
{
    private const int Ttl = 60;

    public void Addresses(ProgramBuilder program, string logicalName, DnsZoneConfig zone, string host, ImmutableArray<Output<string>> addresses) =>
        program.Add(logicalName, new Route53Record
        {
            ZoneId = zone.HostedZoneId!,
            Name = host,
            Type = "A",
            Ttl = Ttl,
            Records = ExprList.Of(addresses, address => address),
        }, options);

    public void Alias(ProgramBuilder program, string logicalName, DnsZoneConfig zone, string host, string target) =>
        program.Add(logicalName, new Route53Record { ZoneId = zone.HostedZoneId!, Name = host, Type = "CNAME", Ttl = Ttl, Records = new ExprList([target]) }, options);

    public void Failover(
        ProgramBuilder program, string logicalName, DnsZoneConfig zone, string host, ImmutableArray<FailoverTarget> targets, string healthPath, string healthyText)
    {
        foreach (var (target, index) in targets.Select((target, index) => (target, index)))
        {
            var check = program.Add($"{logicalName}-{target.Site}-check", new Route53HealthCheck
            {
                Type = "HTTPS_STR_MATCH",
                IpAddress = target.Addresses[0],
                Fqdn = host,
                Port = 443,
                ResourcePath = healthPath,
                SearchString = healthyText,
                FailureThreshold = 3,
                RequestInterval = 30,
                Tags = tags.Add("Name", $"{host} on {target.Site}"),
            }, options);
            program.Add($"{logicalName}-{target.Site}", new Route53Record
            {
                ZoneId = zone.HostedZoneId!,
                Name = host,
                Type = "A",
                Ttl = Ttl,
                Records = ExprList.Of(target.Addresses, address => address),
                SetIdentifier = target.Site,
                FailoverRoutingPolicies = [new FailoverRoutingPolicy { Type = index == 0 ? "PRIMARY" : "SECONDARY" }],
                HealthCheckId = check.Id,
            }, options);
        }
    }
}
