using System.Collections.Immutable;
using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Components;
using CloudIam.Infra.Components.CiRunners;
using CloudIam.Infra.Components.Exposure;
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
        var observability = new Dictionary<string, Observability>(StringComparer.Ordinal);
        foreach (var site in sites)
        {
            observability[site.Name] = new Observability(program, new ObservabilityArgs
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

        var statusPages = new Dictionary<string, StatusPage>(StringComparer.Ordinal);
        foreach (var site in sites.Where(site => site.Cluster.Runs(Capability.StatusPage)))
        {
            statusPages[site.Name] = new StatusPage(program, new StatusPageArgs
            {
                Site = site,
                Providers = ProviderCatalog.Shipped.Providers,
                OtherSites = [.. sites.Where(other => other != site).SelectMany(HealthEndpoints)],
                Deployments = config.Deployments,
            });
        }

        if (config.Exposure is { } exposure)
        {
            Expose(program, config, exposure, sites, observability, statusPages);
        }

        return program.Build();
    }

    /// <summary>Ingress, certificates and sign-in on every site, then the DNS records of every published host.</summary>
    private static void Expose(
        ProgramBuilder program, StackConfig config, ExposureConfig exposure, ImmutableArray<KubernetesSite> sites,
        Dictionary<string, Observability> observability, Dictionary<string, StatusPage> statusPages)
    {
        var oauthClientSecret = program.SecretConfig(ExposureConfig.OauthClientSecret);
        var oauthCookieSecret = program.SecretConfig(ExposureConfig.OauthCookieSecret);
        var acmeKey = program.SecretConfig(ExposureConfig.AcmeRoute53SecretKey);
        var hosts = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var site in sites)
        {
            var services = Published(site, observability[site.Name], statusPages.GetValueOrDefault(site.Name)).ToImmutableArray();
            hosts[site.Name] = [Components.Exposure.Exposure.AuthEndpoint(site.Cluster).Host, .. services.Select(service => service.Endpoint.Host)];
            _ = new Components.Exposure.Exposure(program, new ExposureArgs
            {
                Site = site,
                Entry = site.Entry!,
                Config = exposure,
                GitlabUrl = config.GitlabUrl,
                Services = services,
                PublicStatus = services.FirstOrDefault(service => service.Access == Access.Anonymous),
                OauthClientSecret = oauthClientSecret,
                OauthCookieSecret = oauthCookieSecret,
                AcmeRoute53SecretKey = acmeKey,
            });
        }

        PublicDns.Declare(program, exposure, sites, hosts.ToImmutable());
    }

    /// <summary>The UIs and APIs a site runs, each with the Service behind it and who may open it.</summary>
    private static IEnumerable<PublishedService> Published(KubernetesSite site, Observability observability, StatusPage? statusPage)
    {
        var services = new Dictionary<string, (InClusterService? Service, ToolingNamespace? Namespace)>(StringComparer.Ordinal)
        {
            [Capability.Metrics] = (observability.Metrics?.Service, observability.Namespace),
            [Capability.Logs] = (observability.Logs?.Service, observability.Namespace),
            [Capability.Alerting] = (observability.Alerting?.Service, observability.Namespace),
            [Capability.Dashboards] = (observability.Namespace is { } ns ? Dashboards.Service(ns.Name) : null, observability.Namespace),
            [Capability.StatusPage] = (statusPage?.Service, statusPage?.Namespace),
        };
        return ToolingUi.On(site.Cluster)
            .Where(ui => services[ui.Capability] is { Service: not null, Namespace: not null })
            .Select(ui => new PublishedService
            {
                Endpoint = ui.Endpoint(site.Cluster),
                Service = services[ui.Capability].Service!,
                Namespace = services[ui.Capability].Namespace!,
                Access = ui.Access,
            });
    }

    /// <summary>The public health URL of each piece of tooling a site runs (runners report to GitLab instead).</summary>
    private static IEnumerable<ToolingEndpoint> HealthEndpoints(KubernetesSite site) =>
        ToolingUi.On(site.Cluster).Select(ui => ui.Endpoint(site.Cluster));
}
