using System.Collections.Immutable;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Pulumi.Resources.Scaleway;

/// <summary>A flexible load-balancer IP: owned by the program, so DNS can point at it across LB re-creation.</summary>
public sealed record LoadbalancerIp : IResourceArgs
{
    public static string Token => "scaleway:loadbalancers/ip:Ip";

    public Input<string>? Zone { get; init; }

    public ImmutableArray<string>? Tags { get; init; }
}

public static class LoadbalancerIpOutputs
{
    public static Output<string> IpAddress(this Resource<LoadbalancerIp> ip) => ip.Output<string>("ipAddress");
}
