using System.Collections.Immutable;
using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Components;
using CloudIam.Infra.Components.CiRunners;
using CloudIam.Infra.Components.Observability;
using CloudIam.Infra.Components.StatusPage;
using CloudIam.Infra.Platform;
using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra;

/// <summary>
/// The whole program for one stack: one site per configured cluster (its provider's base), then on every site
/// the tooling its config places there, and on every status page probes of all the other sites.
/// </summary>
public static class CloudIamProgram
{
    public const string ProjectName = "cloudiam-infra";

    public static PulumiProgram Build(StackConfig config)
    {
        var program = new ProgramBuilder(ProjectName)
        {
            Description = "Cloud-IAM internal tooling (observability, status page, CI runners) spread over cloud providers",
        };
        var runnerToken = program.SecretConfig(StackConfigKeys.RunnerToken);
        var grafanaAdminPassword = program.SecretConfig(StackConfigKeys.GrafanaAdminPassword);
        var remoteReadPassword = program.SecretConfig(StackConfigKeys.ToolingReadPassword);
        var webhookUrls = config.Alerting.Receivers.ToImmutableSortedDictionary(
            receiver => receiver.Name, receiver => program.SecretConfig(receiver.WebhookUrlSecret), StringComparer.Ordinal);

        var sites = config.Clusters.Select(cluster => SiteCatalog.For(cluster.Provider).Declare(program, config, cluster)).ToImmutableArray();
        foreach (var site in sites)
        {
            _ = new Observability(program, new ObservabilityArgs
            {
                Site = site,
                Stack = config,
                GrafanaAdminPassword = grafanaAdminPassword,
                WebhookUrls = webhookUrls,
                HeartbeatUrl = site.Cluster.HeartbeatUrlSecret is { } heartbeat ? program.SecretConfig(heartbeat) : null,
                RemoteReadPassword = remoteReadPassword,
            });
            if (site.Cluster.Runs(Capability.CiRunners))
            {
                _ = new CiRunners(program, new CiRunnersArgs { Site = site, GitlabUrl = config.GitlabUrl, RunnerToken = runnerToken });
            }
        }

        foreach (var site in sites.Where(site => site.Cluster.Runs(Capability.StatusPage)))
        {
            _ = new StatusPage(program, new StatusPageArgs
            {
                Site = site,
                Providers = ProviderCatalog.Shipped.Providers,
                OtherSites = [.. sites.Where(other => other != site).SelectMany(HealthEndpoints)],
                Deployments = config.Deployments,
            });
        }

        return program.Build();
    }

    /// <summary>The public health URL of each piece of tooling a site runs (runners report to GitLab instead).</summary>
    private static IEnumerable<ToolingEndpoint> HealthEndpoints(KubernetesSite site)
    {
        var endpoints = new (string Capability, Func<KubernetesSite, ToolingEndpoint> Endpoint)[]
        {
            (Capability.Metrics, Metrics.Endpoint),
            (Capability.Logs, Logs.Endpoint),
            (Capability.Alerting, Alerting.Endpoint),
            (Capability.Dashboards, Dashboards.Endpoint),
            (Capability.StatusPage, StatusPage.Endpoint),
        };
        return endpoints.Where(endpoint => site.Cluster.Runs(endpoint.Capability)).Select(endpoint => endpoint.Endpoint(site));
    }
}
