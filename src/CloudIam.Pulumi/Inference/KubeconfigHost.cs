using System.Text.RegularExpressions;
using CloudIam.Placement.Design;
using CloudIam.Pulumi.Providers;

namespace CloudIam.Pulumi.Inference;

/// <summary>
/// The fallback when a Kubernetes provider cannot be traced to a cluster resource: a readable
/// kubeconfig whose API server host names the cloud and region of a managed cluster (by the
/// <c>apiServerHost</c> patterns of the provider files).
/// </summary>
internal static partial class KubeconfigHost
{
    /// <summary>The placement of the first recognised API server, or null.</summary>
    public static ResourcePlacement? Place(string kubeconfig, ProviderCatalog providers)
    {
        foreach (Match server in ServerUrl().Matches(kubeconfig))
        {
            if (providers.PlaceApiServer(server.Groups["host"].Value) is { } placement)
            {
                return placement;
            }
        }

        return null;
    }

    /// <summary><c>server: https://…</c> in YAML, <c>"server": "https://…"</c> in JSON.</summary>
    [GeneratedRegex("""server["']?\s*:\s*["']?https://(?<host>[A-Za-z0-9.-]+)""")]
    private static partial Regex ServerUrl();
}
