using CloudIam.Pulumi.Yaml;

namespace CloudIam.Pulumi.Resources.Scaleway;

/// <summary><c>pulumi:providers:scaleway</c>: its region/zone place every Scaleway resource that does not set its own.</summary>
public sealed record ScalewayProvider : IProviderArgs
{
    public static string Token => "pulumi:providers:scaleway";

    public static PulumiPackage Package => PulumiPackages.Scaleway;

    public Input<string>? Region { get; init; }

    public Input<string>? Zone { get; init; }
}
