using System.Collections.Immutable;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Pulumi.Resources.Scaleway;

/// <summary>Instance security group; the program declares none, the security baseline inspects any that appear.</summary>
public sealed record InstanceSecurityGroup : IResourceArgs
{
    public static string Token => "scaleway:instance/securityGroup:SecurityGroup";

    public Input<string>? InboundDefaultPolicy { get; init; }

    public ImmutableArray<SecurityGroupRule>? InboundRules { get; init; }
}

/// <summary>Rules managed apart from their group (<c>externalRules: true</c> on the group).</summary>
public sealed record InstanceSecurityGroupRules : IResourceArgs
{
    public static string Token => "scaleway:instance/securityGroupRules:SecurityGroupRules";

    public required Input<string> SecurityGroupId { get; init; }

    public ImmutableArray<SecurityGroupRule>? InboundRules { get; init; }
}

public sealed record SecurityGroupRule : IArgsObject
{
    public required Input<string> Action { get; init; }

    public Input<string>? Protocol { get; init; }

    public Input<int>? Port { get; init; }

    /// <summary>A range such as <c>"22-23"</c>.</summary>
    public Input<string>? PortRange { get; init; }

    public Input<string>? IpRange { get; init; }
}
