using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Resources.Scaleway;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Platform.Scaleway;

public sealed record ScalewayNetworkArgs
{
    public required ProviderScope Scope { get; init; }

    public required Ipv4Cidr Cidr { get; init; }
}

/// <summary>A VPC and the regional private network the Kapsule cluster is attached to.</summary>
public sealed class ScalewayNetwork
{
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
    }

    public Resource<NetworkVpc> Vpc { get; }

    public Resource<NetworkPrivateNetwork> PrivateNetwork { get; }
}
