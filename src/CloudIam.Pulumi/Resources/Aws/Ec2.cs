using System.Collections.Immutable;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Pulumi.Resources.Aws;

public sealed record Ec2Vpc : IResourceArgs
{
    public static string Token => "aws:ec2/vpc:Vpc";

    public Input<string>? CidrBlock { get; init; }

    public Input<bool>? EnableDnsHostnames { get; init; }

    public Input<bool>? EnableDnsSupport { get; init; }

    public ImmutableSortedDictionary<string, string>? Tags { get; init; }
}

public sealed record Ec2Subnet : IResourceArgs
{
    public static string Token => "aws:ec2/subnet:Subnet";

    public required Input<string> VpcId { get; init; }

    public Input<string>? CidrBlock { get; init; }

    public Input<string>? AvailabilityZone { get; init; }

    public Input<bool>? MapPublicIpOnLaunch { get; init; }

    public ImmutableSortedDictionary<string, string>? Tags { get; init; }
}

public sealed record Ec2InternetGateway : IResourceArgs
{
    public static string Token => "aws:ec2/internetGateway:InternetGateway";

    public Input<string>? VpcId { get; init; }

    public ImmutableSortedDictionary<string, string>? Tags { get; init; }
}

/// <summary>An Elastic IP: a public address the program owns, handed to a load balancer by allocation ID or to a NAT gateway.</summary>
public sealed record Ec2Eip : IResourceArgs
{
    public static string Token => "aws:ec2/eip:Eip";

    /// <summary><c>vpc</c>.</summary>
    public Input<string>? Domain { get; init; }

    public ImmutableSortedDictionary<string, string>? Tags { get; init; }
}

/// <summary>One route; the schema gives it no <c>tags</c>, so it cannot carry a capability.</summary>
public sealed record Ec2Route : IResourceArgs
{
    public static string Token => "aws:ec2/route:Route";

    public required Input<string> RouteTableId { get; init; }

    public Input<string>? DestinationCidrBlock { get; init; }

    public Input<string>? GatewayId { get; init; }

    public Input<string>? NatGatewayId { get; init; }
}

public sealed record Ec2NatGateway : IResourceArgs
{
    public static string Token => "aws:ec2/natGateway:NatGateway";

    /// <summary>Placed in a public subnet; private subnets route <c>0.0.0.0/0</c> to it.</summary>
    public required Input<string> SubnetId { get; init; }

    public Input<string>? AllocationId { get; init; }

    public ImmutableSortedDictionary<string, string>? Tags { get; init; }
}

public sealed record Ec2RouteTable : IResourceArgs
{
    public static string Token => "aws:ec2/routeTable:RouteTable";

    public required Input<string> VpcId { get; init; }

    public ImmutableSortedDictionary<string, string>? Tags { get; init; }
}

/// <summary>Binds a subnet to a route table; the schema gives it no <c>tags</c>.</summary>
public sealed record Ec2RouteTableAssociation : IResourceArgs
{
    public static string Token => "aws:ec2/routeTableAssociation:RouteTableAssociation";

    public required Input<string> RouteTableId { get; init; }

    public Input<string>? SubnetId { get; init; }
}

public sealed record Ec2LaunchTemplate : IResourceArgs
{
    public static string Token => "aws:ec2/launchTemplate:LaunchTemplate";

    public Input<string>? Name { get; init; }

    public InstanceMetadataOptions? MetadataOptions { get; init; }

    public Input<bool>? UpdateDefaultVersion { get; init; }

    public ImmutableSortedDictionary<string, string>? Tags { get; init; }
}

/// <summary>A launch template's <c>metadataOptions</c>; <c>httpTokens: required</c> is IMDSv2.</summary>
public sealed record InstanceMetadataOptions : IArgsObject
{
    public Input<string>? HttpTokens { get; init; }

    public Input<string>? HttpEndpoint { get; init; }

    public Input<int>? HttpPutResponseHopLimit { get; init; }
}

public static class Ec2Outputs
{
    /// <summary>The route table every subnet without an explicit association uses.</summary>
    public static Output<string> MainRouteTableId(this Resource<Ec2Vpc> vpc) => vpc.Output<string>("mainRouteTableId");

    public static Output<string> PublicIp(this Resource<Ec2Eip> eip) => eip.Output<string>("publicIp");

    public static Output<string> AllocationId(this Resource<Ec2Eip> eip) => eip.Output<string>("allocationId");

    public static Output<int> LatestVersion(this Resource<Ec2LaunchTemplate> template) => template.Output<int>("latestVersion");
}
