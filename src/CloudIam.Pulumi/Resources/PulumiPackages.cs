using System.Collections.Immutable;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Pulumi.Resources;

/// <summary>
/// The provider plugins the program is written against (pulumi-facts §0). The schema data in
/// <c>provider-schema.yaml</c> and the lock files under <c>sdks/</c> must name the same versions; a test checks it.
/// </summary>
public static class PulumiPackages
{
    public static PulumiPackage Scaleway { get; } = new()
    {
        Name = "scaleway",
        Version = "1.54.0",
        PluginDownloadUrl = "github://api.github.com/pulumiverse",
    };

    public static PulumiPackage Aws { get; } = new() { Name = "aws", Version = "7.48.0" };

    public static PulumiPackage Kubernetes { get; } = new() { Name = "kubernetes", Version = "4.34.2" };

    public static ImmutableArray<PulumiPackage> All { get; } = [Scaleway, Aws, Kubernetes];
}
