using System.Collections.Immutable;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Pulumi.Resources.Aws;

/// <summary>A record of a Route 53 hosted zone; with a failover policy, one of a PRIMARY/SECONDARY pair.</summary>
public sealed record Route53Record : IResourceArgs
{
    public static string Token => "aws:route53/record:Record";

    public required Input<string> ZoneId { get; init; }

    /// <summary>Written fully qualified, so that the host is readable without the zone.</summary>
    public required Input<string> Name { get; init; }

    public required Input<string> Type { get; init; }

    public Input<int>? Ttl { get; init; }

    public ExprList? Records { get; init; }

    public Input<string>? SetIdentifier { get; init; }

    public ImmutableArray<FailoverRoutingPolicy>? FailoverRoutingPolicies { get; init; }

    public Input<string>? HealthCheckId { get; init; }
}

public sealed record FailoverRoutingPolicy : IArgsObject
{
    /// <summary><c>PRIMARY</c> or <c>SECONDARY</c>.</summary>
    public required Input<string> Type { get; init; }
}

/// <summary>Route 53 probes the endpoint from several AWS regions; a record using it stops answering when it fails.</summary>
public sealed record Route53HealthCheck : IResourceArgs
{
    public static string Token => "aws:route53/healthCheck:HealthCheck";

    /// <summary><c>HTTPS</c>, <c>HTTPS_STR_MATCH</c>, …</summary>
    public required Input<string> Type { get; init; }

    /// <summary>Sent as Host and SNI; the probe connects to <see cref="IpAddress"/>, not to what DNS says.</summary>
    public Input<string>? Fqdn { get; init; }

    public Input<string>? IpAddress { get; init; }

    public Input<int>? Port { get; init; }

    public Input<string>? ResourcePath { get; init; }

    public Input<string>? SearchString { get; init; }

    public Input<int>? FailureThreshold { get; init; }

    public Input<int>? RequestInterval { get; init; }

    public ImmutableSortedDictionary<string, string>? Tags { get; init; }
}
