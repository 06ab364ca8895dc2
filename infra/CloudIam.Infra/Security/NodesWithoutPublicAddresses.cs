using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC019: Kubernetes nodes have no public address. Every resource whose role is <c>node-pool</c> must show it the way
/// its provider file's <c>security.nodeAddresses</c> says: a setting of the pool (<c>publicIpOff</c>; Kapsule, egress
/// through a Public Gateway), or the pool's subnets (<c>subnets</c>), none of which may hold what <c>publicSubnet</c>
/// forbids (EKS, egress through NAT). A node pool whose file says neither is reported, not skipped.
/// </summary>
public sealed class NodesWithoutPublicAddresses(ProviderCatalog providers) : ISecurityCheck
{
    public string Id => "SEC019";

    public string ProviderSubject => Subject;

    private const string Subject = "nodeAddresses";

    public string Title => "Nodes have no public address";

    public string Why =>
        "A node with a public IP answers the internet on every port its security group or CNI leaves open (kubelet, "
        + "NodePorts), and its egress address is shared with nothing the allow-lists can name.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program)
    {
        var subnets = WithRole(program, providers, ResourceRole.Subnet).ToDictionary(subnet => subnet.LogicalName, StringComparer.Ordinal);
        return WithRole(program, providers, ResourceRole.NodePool).SelectMany(pool => Problem(program, pool, subnets) is { } problem
            ? [Finding(pool, problem)]
            : Array.Empty<SecurityFinding>());
    }

    private string? Problem(PulumiProgram program, ResourceDeclaration pool, Dictionary<string, ResourceDeclaration> subnets)
    {
        var provider = providers.OfType(pool.Type);
        var publicIpOff = provider?.Requirement(Subject, "publicIpOff");
        var onSubnets = provider?.Requirement(Subject, "subnets");
        if (publicIpOff is { Path: { } setting } && pool.Property(setting) is not null)
        {
            return ProviderRequirements.Met(program, providers, pool, publicIpOff) ? null : ProviderRequirements.Advice(publicIpOff);
        }

        if (onSubnets is { Path: { } input })
        {
            var used = pool.Property(input)?.References().OfType<ResourceReference>()
                .Select(reference => reference.Resource.LogicalName).Where(subnets.ContainsKey).Select(name => subnets[name]).ToList() ?? [];
            var publicSubnet = provider!.Requirement(Subject, "publicSubnet");
            var offending = publicSubnet is { Forbidden.IsEmpty: false }
                ? used.SelectMany(subnet => ProviderRequirements.Offending(subnet, publicSubnet)).Distinct(StringComparer.Ordinal).ToList()
                : null;
            return used.Count == 0 ? $"{input} names no subnet of the program: no way to tell its nodes have no public address"
                : offending is null ? Unverifiable(provider, "publicSubnet")
                : offending.Count > 0 ? $"one of its subnets: {ProviderRequirements.Forbids(publicSubnet!, offending)}"
                : null;
        }

        return publicIpOff is { Path: not null } ? ProviderRequirements.Advice(publicIpOff)
            : publicIpOff is { NotOffered: not null } && onSubnets is { NotOffered: not null } ? null
            : Unverifiable(provider, "publicIpOff or subnets");
    }

    private static string Unverifiable(ProviderDefinition? provider, string names) =>
        $"cannot verify {Subject}.{names}: the {provider?.Name ?? "unknown"} provider file says neither where it is set nor that it is not offered (security section)";

    private SecurityFinding Finding(ResourceDeclaration resource, string message) =>
        new() { CheckId = Id, Resource = resource.LogicalName, Message = message };
}
