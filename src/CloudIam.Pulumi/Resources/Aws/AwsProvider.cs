using System.Collections.Immutable;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Pulumi.Resources.Aws;

/// <summary><c>pulumi:providers:aws</c>: its region places every AWS resource that does not set its own.</summary>
public sealed record AwsProvider : IProviderArgs
{
    public static string Token => "pulumi:providers:aws";

    public static PulumiPackage Package => PulumiPackages.Aws;

    public Input<string>? Region { get; init; }

    public ProviderDefaultTags? DefaultTags { get; init; }
}

/// <summary>Tags the provider merges into every taggable resource (<c>tagsAll</c>); not a capability signal.</summary>
public sealed record ProviderDefaultTags : IArgsObject
{
    public required ImmutableSortedDictionary<string, string> Tags { get; init; }
}
