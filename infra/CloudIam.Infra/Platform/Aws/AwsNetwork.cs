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

    /// <summary>A public and a private subnet per availability zone (EKS needs at least two zones).</summary>
    public required ImmutableArray<string> Zones { get; init; }
}

/// <summary>
/// A VPC with, per zone, a public subnet holding a NAT gateway (and internet-facing load balancers) and a private
/// subnet for the nodes, whose default route is that zone's NAT gateway: nodes get no public address, and losing a
/// zone loses only that zone's way out. Nothing launched in a public subnet gets a public IP by default.
/// Subnets are /4 longer than the VPC (a /16 gives sixteen /20s): public ones first, private ones from the middle.
/// </summary>
public sealed class AwsNetwork
{
    private const int SubnetBits = 4;

    private const int PrivateSubnetOffset = 1 << (SubnetBits - 1);

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
        var zones = args.Zones.Select((zone, index) => Zone(program, args, zone, index)).ToImmutableArray();
        PublicSubnets = [.. zones.Select(zone => zone.Public)];
        PrivateSubnets = [.. zones.Select(zone => zone.Private)];
        EgressIps = [.. zones.Select(zone => zone.EgressIp)];
    }

    public Resource<Ec2Vpc> Vpc { get; }

    /// <summary>NAT gateways and internet-facing load balancers.</summary>
    public ImmutableArray<Resource<Ec2Subnet>> PublicSubnets { get; }

    /// <summary>The cluster's control-plane interfaces and its nodes.</summary>
    public ImmutableArray<Resource<Ec2Subnet>> PrivateSubnets { get; }

    /// <summary>One address per zone, the NAT gateways': what the nodes' traffic comes from.</summary>
    public ImmutableArray<Resource<Ec2Eip>> EgressIps { get; }

    private (Resource<Ec2Subnet> Public, Resource<Ec2Subnet> Private, Resource<Ec2Eip> EgressIp) Zone(
        ProgramBuilder program, AwsNetworkArgs args, string zone, int index)
    {
        var scope = args.Scope;
        var subnetPrefix = args.Cidr.PrefixLength + SubnetBits;
        var publicSubnet = program.Add(scope.LogicalName($"subnet-{zone}"), new Ec2Subnet
        {
            VpcId = Vpc.Id,
            CidrBlock = args.Cidr.Subnet(subnetPrefix, index).ToString(),
            AvailabilityZone = zone,
            MapPublicIpOnLaunch = false,
            // Lets the AWS load balancer integration find the subnets for internet-facing services.
            Tags = Tags($"{scope.CloudName}-{zone}").Add("kubernetes.io/role/elb", "1"),
        }, scope.Options(parent: Vpc));
        var privateSubnet = program.Add(scope.LogicalName($"private-subnet-{zone}"), new Ec2Subnet
        {
            VpcId = Vpc.Id,
            CidrBlock = args.Cidr.Subnet(subnetPrefix, PrivateSubnetOffset + index).ToString(),
            AvailabilityZone = zone,
            MapPublicIpOnLaunch = false,
            Tags = Tags($"{scope.CloudName}-{zone}-private").Add("kubernetes.io/role/internal-elb", "1"),
        }, scope.Options(parent: Vpc));
        var egressIp = program.Add(scope.LogicalName($"nat-ip-{zone}"), new Ec2Eip
        {
            Domain = "vpc",
            Tags = Tags($"{scope.CloudName}-{zone}-nat"),
        }, scope.Options(parent: Vpc, stateful: true));
        var nat = program.Add(scope.LogicalName($"nat-{zone}"), new Ec2NatGateway
        {
            SubnetId = publicSubnet.Id,
            AllocationId = egressIp.AllocationId(),
            Tags = Tags($"{scope.CloudName}-{zone}"),
        }, scope.Options(parent: publicSubnet));
        var routes = program.Add(scope.LogicalName($"private-routes-{zone}"), new Ec2RouteTable
        {
            VpcId = Vpc.Id,
            Tags = Tags($"{scope.CloudName}-{zone}-private"),
        }, scope.Options(parent: privateSubnet));
        program.Add(scope.LogicalName($"private-default-route-{zone}"), new Ec2Route
        {
            RouteTableId = routes.Id,
            DestinationCidrBlock = "0.0.0.0/0",
            NatGatewayId = nat.Id,
        }, scope.Options(parent: routes));
        program.Add(scope.LogicalName($"private-routes-{zone}-association"), new Ec2RouteTableAssociation
        {
            RouteTableId = routes.Id,
            SubnetId = privateSubnet.Id,
        }, scope.Options(parent: routes));
        return (publicSubnet, privateSubnet, egressIp);
    }

    private static ImmutableSortedDictionary<string, string> Tags(string name) =>
        Capability.Map(Capability.Platform).Add("Name", name);
}
