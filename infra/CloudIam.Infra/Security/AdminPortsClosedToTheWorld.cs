using System.Collections.Immutable;
using System.Globalization;
using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC001: firewalls (roles <c>firewall</c> and <c>firewall-rules</c>, any provider) never accept an administration
/// port from every address. How a provider spells its rules is in its provider file (<c>firewall</c>); a firewall
/// of a provider without that entry is reported, since its rules cannot be read.
/// </summary>
public sealed class AdminPortsClosedToTheWorld(ProviderCatalog providers) : ISecurityCheck
{
    /// <summary>SSH, telnet, RDP, WinRM, Kubernetes API, etcd, kubelet.</summary>
    private static readonly ImmutableArray<int> AdminPorts = [22, 23, 3389, 5985, 5986, 6443, 2379, 2380, 10250];

    private static readonly ImmutableArray<string> Everywhere = ["0.0.0.0/0", "::/0"];

    public string Id => "SEC001";

    public string Title => "No administration port open to the whole internet";

    public string Why =>
        "SSH, RDP, Kubernetes API, etcd and kubelet ports reachable from 0.0.0.0/0 are scanned and brute-forced within minutes; "
        + "reach them from the VPN or CI ranges instead.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program) =>
        WithRole(program, providers, ResourceRole.Firewall).Concat(WithRole(program, providers, ResourceRole.FirewallRules))
            .SelectMany(Findings);

    private IEnumerable<SecurityFinding> Findings(ResourceDeclaration resource)
    {
        if (providers.OfType(resource.Type)?.Firewall is not { } firewall)
        {
            yield return Finding(resource, "its provider file does not say how this provider's firewall rules read, so they cannot be checked");
            yield break;
        }

        var lists = firewall.Rules.Select(input => resource.Property(input)).OfType<Expr>().ToList();
        var rules = lists.Count == 0 && providers.Is(resource.Type, ResourceRole.FirewallRules)
            ? [resource.Properties]
            : lists.SelectMany(Items).OfType<ExprMap>();
        if (rules.Where(rule => Accepts(firewall, rule)).Select(rule => Read(firewall, rule)).Any(rule => rule.FromEverywhere && rule.OpensAdminPort))
        {
            yield return Finding(resource, "an ingress rule accepts an administration port from everywhere; narrow its source range");
        }

        if (providers.Is(resource.Type, ResourceRole.Firewall) && firewall.DefaultPolicy is { } policy
            && Text(resource.Property(policy)) is var value && (value is null || value == firewall.Accept?.Value))
        {
            yield return Finding(resource, $"the inbound default policy accepts every port from everywhere; set {policy} to drop");
        }
    }

    private static bool Accepts(ProviderFirewall firewall, ExprMap rule) =>
        firewall.Accept is not { } accept || Text(rule.GetValueOrDefault(accept.Input)) == accept.Value;

    private static PortRule Read(ProviderFirewall firewall, ExprMap rule)
    {
        // A source input holds one range or a list of them, depending on the provider.
        var sources = firewall.Source.Select(input => rule.GetValueOrDefault(input))
            .SelectMany(value => Text(value) is { } single ? [single] : Texts(value)).ToList();
        var protocol = firewall.Protocol.Select(input => Text(rule.GetValueOrDefault(input))).OfType<string>().FirstOrDefault();
        var from = firewall.FromPort.Select(input => Number(rule.GetValueOrDefault(input))).FirstOrDefault(port => port is not null);
        var to = firewall.ToPort.Select(input => Number(rule.GetValueOrDefault(input))).FirstOrDefault(port => port is not null);
        var range = firewall.PortRange.Select(input => Text(rule.GetValueOrDefault(input))).OfType<string>().FirstOrDefault()?.Split('-');
        if (range is [var low, var high]
            && decimal.TryParse(low, NumberStyles.None, CultureInfo.InvariantCulture, out var lowPort)
            && decimal.TryParse(high, NumberStyles.None, CultureInfo.InvariantCulture, out var highPort))
        {
            (from, to) = (lowPort, highPort);
        }

        var unsetPorts = from is null && to is null && range is null;
        return new PortRule(
            sources.Count == 0 && firewall.OpenWhenUnset ? Everywhere : sources,
            AllPorts: (protocol is not null && firewall.AnyProtocol.Contains(protocol))
                || (firewall.OpenWhenUnset && unsetPorts && !(protocol is not null && firewall.Portless.Contains(protocol))),
            from,
            to);
    }

    private SecurityFinding Finding(ResourceDeclaration resource, string message) => new() { CheckId = Id, Resource = resource.LogicalName, Message = message };

    /// <summary>Ports are null when they come from a reference; such a rule cannot be judged and is not reported.</summary>
    private sealed record PortRule(IEnumerable<string> Sources, bool AllPorts, decimal? From, decimal? To)
    {
        public bool FromEverywhere => Sources.Any(Everywhere.Contains);

        public bool OpensAdminPort => AllPorts || (From is { } from && To is { } to && AdminPorts.Any(port => from <= port && port <= to));
    }
}
