using System.Collections.Immutable;
using System.Globalization;
using CloudIam.Pulumi.Resources.Aws;
using CloudIam.Pulumi.Resources.Scaleway;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>SEC001: AWS and Scaleway security groups never accept an administration port from every address.</summary>
public sealed class AdminPortsClosedToTheWorld : ISecurityCheck
{
    /// <summary>SSH, telnet, RDP, WinRM, Kubernetes API, etcd, kubelet.</summary>
    private static readonly ImmutableArray<int> AdminPorts = [22, 23, 3389, 5985, 5986, 6443, 2379, 2380, 10250];

    private static readonly ImmutableArray<string> Everywhere = ["0.0.0.0/0", "::/0"];

    public string Id => "SEC001";

    public string Title => "No administration port open to the whole internet";

    public string Why =>
        "SSH, RDP, Kubernetes API, etcd and kubelet ports reachable from 0.0.0.0/0 are scanned and brute-forced within minutes; "
        + "reach them from the VPN or CI ranges instead.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program)
    {
        var awsGroupRules = program.OfType<Ec2SecurityGroup>().SelectMany(group => Items(group.Property("ingress")).OfType<ExprMap>()
            .Select(rule => (group.LogicalName, Rule: new PortRule(
                Texts(rule.GetValueOrDefault("cidrBlocks")).Concat(Texts(rule.GetValueOrDefault("ipv6CidrBlocks"))),
                AllPorts: Text(rule.GetValueOrDefault("protocol")) == "-1",
                Number(rule.GetValueOrDefault("fromPort")),
                Number(rule.GetValueOrDefault("toPort"))))));
        var awsRules = program.OfType<VpcSecurityGroupIngressRule>().Select(rule => (rule.LogicalName, Rule: new PortRule(
            new[] { Text(rule.Property("cidrIpv4")), Text(rule.Property("cidrIpv6")) }.OfType<string>(),
            AllPorts: Text(rule.Property("ipProtocol")) == "-1",
            Number(rule.Property("fromPort")),
            Number(rule.Property("toPort")))));
        var scalewayRules = program.OfType<InstanceSecurityGroup>().Concat(program.OfType<InstanceSecurityGroupRules>())
            .SelectMany(group => Items(group.Property("inboundRules")).OfType<ExprMap>()
                .Where(rule => Text(rule.GetValueOrDefault("action")) == "accept")
                .Select(rule => (group.LogicalName, Rule: ScalewayRule(rule))));

        var openRules = awsGroupRules.Concat(awsRules).Concat(scalewayRules)
            .Where(entry => entry.Rule.FromEverywhere && entry.Rule.OpensAdminPort)
            .Select(entry => Finding(entry.LogicalName, "an ingress rule accepts an administration port from everywhere; narrow its source range"));
        var acceptingGroups = program.OfType<InstanceSecurityGroup>()
            .Where(group => Text(group.Property("inboundDefaultPolicy")) is null or "accept")
            .Select(group => Finding(group.LogicalName, "the inbound default policy accepts every port from everywhere; set inboundDefaultPolicy: drop"));
        return openRules.Concat(acceptingGroups);
    }

    /// <summary>Scaleway defaults: no <c>ipRange</c> means 0.0.0.0/0, no port means every port (but ICMP has none).</summary>
    private static PortRule ScalewayRule(ExprMap rule)
    {
        var port = Number(rule.GetValueOrDefault("port"));
        var range = Text(rule.GetValueOrDefault("portRange"))?.Split('-');
        var (from, to) = range is [var low, var high]
            && decimal.TryParse(low, NumberStyles.None, CultureInfo.InvariantCulture, out var lowPort)
            && decimal.TryParse(high, NumberStyles.None, CultureInfo.InvariantCulture, out var highPort)
                ? (lowPort, highPort)
                : (port, port);
        return new PortRule(
            [Text(rule.GetValueOrDefault("ipRange")) ?? Everywhere[0]],
            AllPorts: port is null && range is null && Text(rule.GetValueOrDefault("protocol")) != "ICMP",
            from,
            to);
    }

    private SecurityFinding Finding(string resource, string message) => new() { CheckId = Id, Resource = resource, Message = message };

    /// <summary>Ports are null when they come from a reference; such a rule cannot be judged and is not reported.</summary>
    private sealed record PortRule(IEnumerable<string> Sources, bool AllPorts, decimal? From, decimal? To)
    {
        public bool FromEverywhere => Sources.Any(Everywhere.Contains);

        public bool OpensAdminPort => AllPorts || (From is { } from && To is { } to && AdminPorts.Any(port => from <= port && port <= to));
    }
}
