using System.Collections.Immutable;
using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Platform;

/// <summary>
/// The public addresses a site's ingress controller answers on, owned by the program (they survive a re-deploy of
/// the controller, so DNS points at them directly), and the Service settings that bind the cloud load balancer to them.
/// </summary>
public sealed record PublicEntry
{
    /// <summary>IPv4 addresses, as resource outputs.</summary>
    public required ImmutableArray<Output<string>> Addresses { get; init; }

    /// <summary>Annotations of the controller's <c>LoadBalancer</c> Service for this cloud's controller manager.</summary>
    public required ExprMap ServiceAnnotations { get; init; }

    /// <summary>Extra Service spec fields (none where annotations suffice).</summary>
    public ExprMap ServiceSpec { get; init; } = new();
}

/// <summary>One site a health-checked name can answer with.</summary>
public sealed record FailoverTarget
{
    public required string Site { get; init; }

    public required ImmutableArray<Output<string>> Addresses { get; init; }
}

/// <summary>A cloud's DNS service, writing records into the zones stack config says it serves.</summary>
public interface IDnsService
{
    /// <summary>Plain records: <paramref name="host"/> answers with every address.</summary>
    void Addresses(ProgramBuilder program, string logicalName, DnsZoneConfig zone, string host, ImmutableArray<Output<string>> addresses);

    /// <summary>A CNAME from <paramref name="host"/> to <paramref name="target"/>.</summary>
    void Alias(ProgramBuilder program, string logicalName, DnsZoneConfig zone, string host, string target);

    /// <summary>
    /// <paramref name="host"/> answers only with targets whose <c>https://host/healthPath</c> answers with
    /// <paramref name="healthyText"/> in the body, probed by this DNS service itself.
    /// </summary>
    void Failover(ProgramBuilder program, string logicalName, DnsZoneConfig zone, string host, ImmutableArray<FailoverTarget> targets, string healthPath, string healthyText);
}
