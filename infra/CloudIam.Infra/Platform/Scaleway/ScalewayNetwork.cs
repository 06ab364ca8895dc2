using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Resources.Scaleway;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Platform.Scaleway;

public sealed record ScalewayNetworkArgs
{
    public required ProviderScope Scope { get; init; }

    public required Ipv4Cidr Cidr { get; init; }

    /// <summary>Zone of the Public Gateway (a zonal product).</summary>
    public required string GatewayZone { get; init; }
}

/// <summary>
/// A VPC, the regional private network the Kapsule cluster is attached to, and a Public Gateway that is the
/// network's default route: node pools run without public IPs and leave through the gateway's one address.
/// </summary>
public sealed class ScalewayNetwork
{
    /// <summary>The smallest gateway offer; NAT for a few nodes' image pulls and webhooks.</summary>
    private const string GatewayType = "VPC-GW-S";

    public ScalewayNetwork(ProgramBuilder program, ScalewayNetworkArgs args)
    {
        var scope = args.Scope;
        var tags = Capability.TagList(Capability.Platform);
        Vpc = program.Add(scope.LogicalName("vpc"), new NetworkVpc
        {
            Name = scope.CloudName,
            Region = scope.Region,
            Tags = tags,
        }, scope.Options());
        PrivateNetwork = program.Add(scope.LogicalName("private-network"), new NetworkPrivateNetwork
        {
            Name = scope.CloudName,
            VpcId = Vpc.Id,
            Region = scope.Region,
            Ipv4Subnet = new PrivateNetworkIpv4Subnet { Subnet = args.Cidr.ToString() },
            Tags = tags,
        }, scope.Options(parent: Vpc));
        EgressIp = program.Add(scope.LogicalName("gateway-ip"), new NetworkPublicGatewayIp
        {
            Zone = args.GatewayZone,
            Tags = tags,
        }, scope.Options(parent: Vpc, stateful: true));
        var gateway = program.Add(scope.LogicalName("gateway"), new NetworkPublicGateway
        {
            Type = GatewayType,
            Name = scope.CloudName,
            Zone = args.GatewayZone,
            IpId = EgressIp.Id,
            BastionEnabled = false,
            Tags = tags,
        }, scope.Options(parent: Vpc));
        GatewayNetwork = program.Add(scope.LogicalName("gateway-network"), new NetworkGatewayNetwork
        {
            GatewayId = gateway.Id,
            PrivateNetworkId = PrivateNetwork.Id,
            EnableMasquerade = true,
            IpamConfigs = [new GatewayNetworkIpamConfig { PushDefaultRoute = true }],
            Zone = args.GatewayZone,
        }, scope.Options(parent: gateway));
    }

    public Resource<NetworkVpc> Vpc { get; }

    public Resource<NetworkPrivateNetwork> PrivateNetwork { get; }

    /// <summary>The address every node leaves from; API allow-lists admit it.</summary>
    public Resource<NetworkPublicGatewayIp> EgressIp { get; }

    /// <summary>Pools without public IPs need the gateway attached before they start.</summary>
    public Resource<NetworkGatewayNetwork> GatewayNetwork { get; }
}
