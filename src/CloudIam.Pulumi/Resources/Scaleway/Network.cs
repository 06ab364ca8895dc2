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
