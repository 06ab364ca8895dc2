using System.Text.RegularExpressions;
using CloudIam.Placement.Design;

namespace CloudIam.Pulumi.Inference;

/// <summary>
/// The fallback when a Kubernetes provider cannot be traced to a cluster resource: a readable
/// kubeconfig whose API server host names the cloud and region of a managed cluster.
/// </summary>
internal static partial class KubeconfigHost
{
    /// <summary>The placement of the first recognised API server, or null.</summary>
    public static ResourcePlacement? Place(string kubeconfig)
    {
        foreach (Match server in ServerUrl().Matches(kubeconfig))
        {
            var host = server.Groups["host"].Value;
            if (ScalewayHost().Match(host) is { Success: true } scaleway)
            {
                return OnManagedKubernetes("scaleway", scaleway.Groups["region"].Value);
            }

            if (EksHost().Match(host) is { Success: true } eks)
            {
                return OnManagedKubernetes("aws", eks.Groups["region"].Value);
            }
        }

        return null;
    }

    private static ResourcePlacement OnManagedKubernetes(string provider, string region) =>
        new() { Provider = provider, Region = region, OnManagedKubernetes = true };

    /// <summary><c>server: https://…</c> in YAML, <c>"server": "https://…"</c> in JSON.</summary>
    [GeneratedRegex("""server["']?\s*:\s*["']?https://(?<host>[A-Za-z0-9.-]+)""")]
    private static partial Regex ServerUrl();

    /// <summary>Kapsule: <c>&lt;cluster uuid&gt;.api.k8s.fr-par.scw.cloud</c>.</summary>
    [GeneratedRegex(@"\.api\.k8s\.(?<region>[a-z]{2}-[a-z]{3})\.scw\.cloud$")]
    private static partial Regex ScalewayHost();

    /// <summary>EKS: <c>&lt;id&gt;.gr7.eu-west-3.eks.amazonaws.com</c>.</summary>
    [GeneratedRegex(@"\.(?<region>[a-z]{2}(?:-[a-z]+)+-\d+)\.eks\.amazonaws\.com$")]
    private static partial Regex EksHost();
}
