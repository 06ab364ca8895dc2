using System.Collections.Immutable;
using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Stacks;
using CloudIam.Placement.Design;

namespace CloudIam.Infra.Components.Observability;

/// <summary>
/// The paths a deployment failure takes to a person on each site, built from the very settings the components
/// deploy, so that the policy (PL011) judges what runs and not a copy of it.
/// </summary>
public static class AlertPaths
{
    public static ImmutableArray<AlertPath> For(StackConfig config) =>
        [.. config.Deployments.IsEmpty ? [] : config.Clusters.SelectMany(ForSite)];

    private static IEnumerable<AlertPath> ForSite(ClusterConfig cluster)
    {
        if (!cluster.Runs(Capability.StatusPage))
        {
            yield break;
        }

        var probe = new AlertPathStep("gatus deployment probe interval", StatusPage.StatusPage.DeploymentProbeInterval);
        if (cluster.Runs(Capability.Metrics) && cluster.Runs(Capability.Alerting))
        {
            yield return new AlertPath
            {
                Site = cluster.Name,
                Target = AlertTarget.Page,
                Capability = Capability.Alerting,
                Steps =
                [
                    probe,
                    new AlertPathStep("prometheus scrapeInterval", Metrics.ScrapeInterval),
                    new AlertPathStep("prometheus evaluationInterval", Metrics.EvaluationInterval),
                    new AlertPathStep($"{DeploymentAlerts.DeploymentDown} for:", DeploymentAlerts.DownFor),
                    new AlertPathStep("alertmanager group_wait", Alerting.GroupWait),
                ],
            };
        }

        // Gatus shows a failed probe on its page as soon as the probe returns.
        yield return new AlertPath { Site = cluster.Name, Target = AlertTarget.PublicStatus, Capability = Capability.StatusPage, Steps = [probe] };
    }
}
