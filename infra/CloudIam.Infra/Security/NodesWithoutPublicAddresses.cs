using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC019: Kubernetes nodes have no public address. Every resource whose role is <c>node-pool</c> must show it one of
/// the known ways: <c>publicIpDisabled: true</c> (Kapsule, egress through a Public Gateway) or subnets none of which
/// map public IPs on launch (EKS, egress through NAT). A node pool of a provider with neither is reported, not skipped.
/// </summary>
public sealed class NodesWithoutPublicAddresses(ProviderCatalog providers) : ISecurityCheck
{
    public string Id => "SEC019";

    public string Title => "Nodes have no public address";

    public string Why =>
        "A node with a public IP answers the internet on every port its security group or CNI leaves open (kubelet, "
        + "NodePorts), and its egress address is shared with nothing the allow-lists can name.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program)
    {
        var subnets = WithRole(program, providers, ResourceRole.Subnet)
            .ToDictionary(subnet => subnet.LogicalName, subnet => Bool(subnet.Property("mapPublicIpOnLaunch")) == true, StringComparer.Ordinal);
        return WithRole(program, providers, ResourceRole.NodePool).SelectMany(pool => Problem(pool, subnets) is { } problem
            ? [Finding(pool, problem)]
            : Array.Empty<SecurityFinding>());
    }

    private static string? Problem(ResourceDeclaration pool, Dictionary<string, bool> subnetIsPublic)
    {
        if (pool.Property("publicIpDisabled") is { } disabled)
        {
            return Bool(disabled) == true ? null : "set publicIpDisabled: true and give the private network a Public Gateway";
        }

        var used = pool.Property("subnetIds")?.References().OfType<ResourceReference>()
            .Select(reference => reference.Resource.LogicalName).Where(subnetIsPublic.ContainsKey).ToList() ?? [];
        return used.Count == 0 ? "neither publicIpDisabled nor subnets of the program: no way to tell its nodes have no public address"
            : used.Any(name => subnetIsPublic[name]) ? "runs in a subnet with mapPublicIpOnLaunch: use private subnets behind NAT"
            : null;
    }

    private SecurityFinding Finding(ResourceDeclaration resource, string message) =>
        new() { CheckId = Id, Resource = resource.LogicalName, Message = message };
}
