using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Stacks;
using CloudIam.Placement.Design;
using CloudIam.Pulumi.Watching;

namespace CloudIam.Infra.Components.Observability;

/// <summary>
/// How long a deployment failure takes to reach a person and the public status page, built from the very settings
/// the components deploy, so that the policy (PL011) judges what runs and not a copy of it. Which paths exist (which
/// Alertmanager reaches which receiver, which status page probes which deployment) is read from the program itself
/// (<see cref="WatchedDesign"/>).
/// </summary>
public static class AlertPaths
{
    private static readonly AlertPathStep Probe = new("gatus deployment probe interval", StatusPage.StatusPage.DeploymentProbeInterval);

    public static AlertTiming Timing(StackConfig config) => new()
    {
        ToPage =
        [
            Probe,
            new AlertPathStep("prometheus scrapeInterval", Metrics.ScrapeInterval),
            new AlertPathStep("prometheus evaluationInterval", Metrics.EvaluationInterval),
            new AlertPathStep($"{DeploymentAlerts.DeploymentDown} for:", DeploymentAlerts.DownFor),
            new AlertPathStep("alertmanager group_wait", Alerting.GroupWait),
        ],
        PagedReceivers = [config.Alerting.ReceiverOf(DeploymentAlerts.DownLabels)],
        ToPublicStatus = [Probe],
        StatusCapability = Capability.StatusPage,
    };
}
