using CloudIam.Placement.Design;
using CloudIam.Placement.Rules;
using CloudIam.Pulumi.Json;

namespace CloudIam.Pulumi.Pipelines;

/// <summary>
/// The pipeline as part of the design: every deploy job (<c>pulumi up</c>) of a stack in the design becomes
/// an instance of the <c>recovery</c> capability, placed on the provider of the runners it is tagged for,
/// with run-time edges to its state backend and to the stack's secrets provider, each placed on the provider
/// its URL lives on. Losing that provider then loses the job, which is what PL005 asks about.
/// </summary>
public static class RecoveryDesign
{
    public const string DeployJobType = "ci:pipeline:DeployJob";
    public const string StateBackendType = "pulumi:backend:State";
    public const string SecretsProviderType = "pulumi:secrets:Provider";

    /// <summary>The secrets provider that depends on no cloud: the passphrase is held by the CI, not by a provider.</summary>
    public const string Passphrase = "passphrase";

    /// <summary>
    /// <paramref name="design"/> with the deploy jobs of its stacks (read from its URNs) added.
    /// <paramref name="secretsProviderOf"/> gives a stack's <c>secretsprovider</c>; null means the passphrase
    /// provider, the default of a self-managed backend. A job also depends on the design's resources of the
    /// <paramref name="runnerCapabilities"/> on its provider: it runs on those runners, so whatever takes
    /// them down (a private network, a zone) takes the job down too.
    /// </summary>
    public static PlacementDesign With(
        PlacementDesign design,
        IEnumerable<PipelineJob> jobs,
        Func<string, string?> secretsProviderOf,
        IReadOnlyCollection<string> runnerCapabilities)
    {
        var deployJobs = jobs.Where(job => job.Deploys).ToList();
        var stacks = design.Resources.Select(r => Urns.StackOf(r.Urn)).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var added = new List<DesignResource>();
        var dependencies = new Dictionary<string, DesignResource>(StringComparer.Ordinal);
        foreach (var stack in stacks)
        {
            var secrets = secretsProviderOf(stack) ?? Passphrase;
            foreach (var job in deployJobs.Where(job => job.ForStack(stack)))
            {
                var edges = design.Resources
                    .Where(r => r.Capability is { } capability && runnerCapabilities.Contains(capability) && r.Placement is { } placement && placement.Provider == job.RunnerProvider)
                    .Select(r => r.Urn)
                    .ToList();
                edges.Add(Dependency(dependencies, StateBackend(job.StateBackend)));
                if (secrets != Passphrase)
                {
                    edges.Add(Dependency(dependencies, Located(SecretsProviderType, "secrets provider", secrets)));
                }

                added.Add(new DesignResource
                {
                    Urn = $"urn:ci:{stack}::{job.File}::{job.Name}",
                    Type = DeployJobType,
                    Name = job.Name,
                    Capability = PL005RecoveryPath.RecoveryCapability,
                    Placement = job.RunnerProvider is { } provider ? new ResourcePlacement { Provider = provider } : null,
                    Dependencies = [.. edges],
                });
            }
        }

        return added.Count == 0 ? design : design with { Resources = [.. design.Resources, .. dependencies.Values.OrderBy(d => d.Urn, StringComparer.Ordinal), .. added] };
    }

    private static DesignResource StateBackend(string? url) => url is null
        ? new DesignResource { Urn = "urn:ci:state::unknown", Type = StateBackendType, Name = "a state backend the pipeline file does not name" }
        : Located(StateBackendType, "state backend", url);

    // Placed where the URL lives; a URL on no known cloud (or on the runner's own disk) stays unplaced, so
    // PL005 cannot count on it.
    private static DesignResource Located(string type, string what, string url) => new()
    {
        Urn = $"urn:ci:{(type == StateBackendType ? "state" : "secrets")}::{url}",
        Type = type,
        Name = $"{what} {url}",
        Placement = CloudUrl.ProviderOf(url) is { } provider && provider != CloudUrl.Local
            ? new ResourcePlacement { Provider = provider, Region = CloudUrl.RegionOf(url) }
            : null,
    };

    private static string Dependency(Dictionary<string, DesignResource> dependencies, DesignResource resource)
    {
        dependencies.TryAdd(resource.Urn, resource);
        return resource.Urn;
    }
}
