using System.Collections.Immutable;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Platform;

/// <summary>
/// Where a provider-specific component declares its resources: the site's logical-name prefix, the name
/// resources get in the cloud, and the site's explicit provider (which also carries its region).
/// </summary>
public sealed record ProviderScope
{
    /// <summary>Logical-name prefix (<c>aws-par</c>).</summary>
    public required string Prefix { get; init; }

    /// <summary>Name in the cloud console (<c>cloudiam-prod-aws-par</c>).</summary>
    public required string CloudName { get; init; }

    public required ResourceHandle Provider { get; init; }

    public required string Region { get; init; }

    /// <summary>Whether stateful resources (clusters, buckets) are protected from deletion.</summary>
    public required bool Protect { get; init; }

    public string LogicalName(string resource) => $"{Prefix}-{resource}";

    public ResourceOptions Options(ResourceHandle? parent = null, bool stateful = false, ImmutableArray<ResourceHandle> dependsOn = default) => new()
    {
        Provider = Provider,
        Parent = parent,
        Protect = stateful && Protect,
        DependsOn = dependsOn.IsDefault ? [] : dependsOn,
    };
}
