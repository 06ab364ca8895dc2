using System.Collections.Immutable;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Pulumi.Resources.Scaleway;

public sealed record NetworkVpc : IResourceArgs
{
    public static string Token => "scaleway:network/vpc:Vpc";

    public Input<string>? Name { get; init; }

    public Input<string>? Region { get; init; }

    /// <summary><c>key=value</c> strings; the capability is <c>cloudiam.io/capability=&lt;cap&gt;</c>.</summary>
    public ImmutableArray<string>? Tags { get; init; }
}

public sealed record NetworkPrivateNetwork : IResourceArgs
{
    public static string Token => "scaleway:network/privateNetwork:PrivateNetwork";

    public Input<string>? VpcId { get; init; }

    public Input<string>? Name { get; init; }

    public Input<string>? Region { get; init; }

    public ImmutableArray<string>? Tags { get; init; }

    public PrivateNetworkIpv4Subnet? Ipv4Subnet { get; init; }
}

public sealed record PrivateNetworkIpv4Subnet : IArgsObject
{
    public required Input<string> Subnet { get; init; }
}

/// <summary>A flexible IP for a Public Gateway: the stable egress address of the nodes behind it.</summary>
public sealed record NetworkPublicGatewayIp : IResourceArgs
{
    public static string Token => "scaleway:network/publicGatewayIp:PublicGatewayIp";

    public Input<string>? Zone { get; init; }

    public ImmutableArray<string>? Tags { get; init; }
}

/// <summary>
/// A zonal Public Gateway: NAT for private networks, so Kapsule pools can run without public IPs
/// (<c>publicIpDisabled</c> requires one).
/// </summary>
public sealed record NetworkPublicGateway : IResourceArgs
{
    public static string Token => "scaleway:network/publicGateway:PublicGateway";

    /// <summary>The gateway offer (<c>VPC-GW-S</c>).</summary>
    public required Input<string> Type { get; init; }

    public Input<string>? Name { get; init; }

    public Input<string>? Zone { get; init; }

    public Input<string>? IpId { get; init; }

    /// <summary>Off unless set: the SSH bastion would be one more way in.</summary>
    public Input<bool>? BastionEnabled { get; init; }

    public ImmutableArray<string>? Tags { get; init; }
}

/// <summary>Attaches a Public Gateway to a private network; <c>pushDefaultRoute</c> makes it the network's way out.</summary>
public sealed record NetworkGatewayNetwork : IResourceArgs
{
    public static string Token => "scaleway:network/gatewayNetwork:GatewayNetwork";

    public required Input<string> GatewayId { get; init; }

    public required Input<string> PrivateNetworkId { get; init; }

    public Input<bool>? EnableMasquerade { get; init; }

    public ImmutableArray<GatewayNetworkIpamConfig>? IpamConfigs { get; init; }

    public Input<string>? Zone { get; init; }
}

public sealed record GatewayNetworkIpamConfig : IArgsObject
{
    public Input<bool>? PushDefaultRoute { get; init; }
}

public static class NetworkPublicGatewayIpOutputs
{
    public static Output<string> Address(this Resource<NetworkPublicGatewayIp> ip) => ip.Output<string>("address");
}
