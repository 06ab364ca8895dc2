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

/// <summary>An Elastic IP: a public address the program owns, handed to the load balancer by allocation ID.</summary>
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
}

/// <summary>Security group with inline rules; the program declares none, the security baseline inspects any that appear.</summary>
public sealed record Ec2SecurityGroup : IResourceArgs
{
    public static string Token => "aws:ec2/securityGroup:SecurityGroup";

    public ImmutableArray<SecurityGroupInlineRule>? Ingress { get; init; }
}

public sealed record SecurityGroupInlineRule : IArgsObject
{
    public required Input<int> FromPort { get; init; }

    public required Input<int> ToPort { get; init; }

    /// <summary><c>tcp</c>, <c>udp</c>, <c>icmp</c> or <c>-1</c> (all).</summary>
    public required Input<string> Protocol { get; init; }

    public ImmutableArray<Input<string>>? CidrBlocks { get; init; }

    public ImmutableArray<Input<string>>? Ipv6CidrBlocks { get; init; }
}

public sealed record VpcSecurityGroupIngressRule : IResourceArgs
{
    public static string Token => "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

    public required Input<string> SecurityGroupId { get; init; }

    public required Input<string> IpProtocol { get; init; }

    public Input<int>? FromPort { get; init; }

    public Input<int>? ToPort { get; init; }

    public Input<string>? CidrIpv4 { get; init; }

    public Input<string>? CidrIpv6 { get; init; }
}

public sealed record Ec2Instance : IResourceArgs
{
    public static string Token => "aws:ec2/instance:Instance";

    public Input<string>? Ami { get; init; }

    public Input<string>? InstanceType { get; init; }

    public InstanceMetadataOptions? MetadataOptions { get; init; }
}

public sealed record Ec2LaunchTemplate : IResourceArgs
{
    public static string Token => "aws:ec2/launchTemplate:LaunchTemplate";

    public InstanceMetadataOptions? MetadataOptions { get; init; }
}

/// <summary>Same object on Instance and LaunchTemplate; <c>httpTokens: required</c> is IMDSv2.</summary>
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
}
