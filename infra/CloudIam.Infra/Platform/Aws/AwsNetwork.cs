using System.Collections.Immutable;
using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Resources.Aws;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Platform.Aws;

public sealed record AwsNetworkArgs
{
    public required ProviderScope Scope { get; init; }

    public required Ipv4Cidr Cidr { get; init; }

    /// <summary>One public subnet per availability zone (EKS needs at least two).</summary>
    public required ImmutableArray<string> Zones { get; init; }
}

/// <summary>
/// A VPC with one public subnet per zone and a default route to an internet gateway, so that EKS nodes can pull
/// images without a NAT gateway. Subnets are /4 longer than the VPC (a /16 gives sixteen /20s).
/// </summary>
public sealed class AwsNetwork
{
    private const int SubnetBits = 4;

    public AwsNetwork(ProgramBuilder program, AwsNetworkArgs args)
    {
        var scope = args.Scope;
        Vpc = program.Add(scope.LogicalName("vpc"), new Ec2Vpc
        {
            CidrBlock = args.Cidr.ToString(),
            EnableDnsHostnames = true,
            EnableDnsSupport = true,
            Tags = Tags(scope.CloudName),
        }, scope.Options());
        var gateway = program.Add(scope.LogicalName("internet-gateway"), new Ec2InternetGateway
        {
            VpcId = Vpc.Id,
            Tags = Tags(scope.CloudName),
        }, scope.Options(parent: Vpc));
        program.Add(scope.LogicalName("default-route"), new Ec2Route
        {
            RouteTableId = Vpc.MainRouteTableId(),
            DestinationCidrBlock = "0.0.0.0/0",
            GatewayId = gateway.Id,
        }, scope.Options(parent: Vpc));
        Subnets = [.. args.Zones.Select((zone, index) => program.Add(scope.LogicalName($"subnet-{zone}"), new Ec2Subnet
        {
            VpcId = Vpc.Id,
            CidrBlock = args.Cidr.Subnet(args.Cidr.PrefixLength + SubnetBits, index).ToString(),
            AvailabilityZone = zone,
            MapPublicIpOnLaunch = true,
            // Lets the AWS load balancer integration find the subnets for internet-facing services.
            Tags = Tags($"{scope.CloudName}-{zone}").Add("kubernetes.io/role/elb", "1"),
        }, scope.Options(parent: Vpc)))];
    }

    public Resource<Ec2Vpc> Vpc { get; }

    public ImmutableArray<Resource<Ec2Subnet>> Subnets { get; }

    private static ImmutableSortedDictionary<string, string> Tags(string name) =>
        Capability.Map(Capability.Platform).Add("Name", name);
}
