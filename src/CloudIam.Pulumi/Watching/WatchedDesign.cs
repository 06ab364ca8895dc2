using System.Collections.Immutable;
using CloudIam.Placement.Design;
using CloudIam.Pulumi.Graph;

namespace CloudIam.Pulumi.Watching;

/// <summary>
/// The customer deployments and the alert receivers as part of a design: each becomes a design resource
/// that creates no cloud resource, placed where its config says. Every resource whose inputs name a
/// deployment's URL (a Gatus endpoint, a blackbox target, a Probe) becomes an observer edge to it, and every
/// Alertmanager configuration becomes one alert path per receiver it routes to. The same for a compiled
/// stack, a state export and a preview, since all three carry the resources' inputs. How long each path takes is
/// known only where the caller knows the settings that were deployed (<see cref="AlertTiming"/>).
/// </summary>
public static class WatchedDesign
{
    public const string DeploymentType = "cloudiam:customer:Deployment";
    public const string ReceiverType = "cloudiam:alerting:Receiver";

    /// <summary>
    /// Inputs readers of exports and previews must keep for this: Helm values (probe targets, Alertmanager
    /// configuration) and custom-resource specs (Prometheus Operator probes).
    /// </summary>
    public static ImmutableArray<string> InputPaths { get; } = ["values", "spec"];

    /// <summary>Where an Alertmanager configuration sits in a Helm release's values: its own chart, kube-prometheus-stack's.</summary>
    private static readonly ImmutableArray<string> AlertmanagerConfigs = ["values.config", "values.alertmanager.config"];

    /// <summary>Alert paths of an untagged Alertmanager count for the policy's alerting capability.</summary>
    private const string AlertingCapability = "alerting";

    /// <param name="timingOf">The settings on the paths that start at a resource; null where the source does not say.</param>
    public static PlacementDesign With(PlacementDesign design, WatchList watched, Func<DesignResource, AlertTiming?>? timingOf = null)
    {
        var (deployments, receivers) = (watched.Deployments, watched.Receivers);
        if (deployments.IsEmpty)
        {
            return design;
        }

        var observations = new List<Observation>();
        var paths = new List<AlertPath>();
        var receiverNames = new SortedSet<string>(receivers.Select(r => r.Name), StringComparer.Ordinal);

        // Listed receivers are the ones that reach people; a dead man's switch or a blackhole is not a page.
        var listed = receivers.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var resource in design.Resources)
        {
            if (resource.Properties is not PropertyValue inputs)
            {
                continue;
            }

            var texts = Strings(inputs).ToList();
            var probed = deployments
                .Where(deployment => texts.Any(text => text.Contains(deployment.Url, StringComparison.Ordinal)))
                .Select(deployment => new Observation { Observer = resource.Urn, Observed = DeploymentUrn(deployment) })
                .ToList();
            observations.AddRange(probed);
            var timing = timingOf?.Invoke(resource);
            foreach (var receiver in ReceiversOf(inputs).Where(name => listed.Count == 0 || listed.Contains(name)))
            {
                receiverNames.Add(receiver);
                paths.Add(new AlertPath
                {
                    Name = $"{resource.Name} -> {receiver}",
                    From = resource.Urn,
                    Through = [resource.Urn, ReceiverUrn(receiver)],
                    Target = AlertTarget.Page,
                    Capability = resource.Capability ?? AlertingCapability,
                    Steps = timing is not null && timing.PagedReceivers.Contains(receiver) ? timing.ToPage : [],
                });
            }

            // A status page shows what it probes as soon as a probe returns: the path to the public is the page itself.
            if (timing is not null && probed.Count > 0 && resource.Capability == timing.StatusCapability)
            {
                paths.Add(new AlertPath
                {
                    Name = $"{resource.Name} -> public status page",
                    From = resource.Urn,
                    Through = [resource.Urn],
                    Target = AlertTarget.PublicStatus,
                    Capability = timing.StatusCapability,
                    Steps = timing.ToPublicStatus,
                });
            }
        }

        var hosts = receivers.ToDictionary(r => r.Name, StringComparer.Ordinal);
        return design with
        {
            Resources = [.. design.Resources, .. deployments.Select(Deployment), .. receiverNames.Select(name => Receiver(name, hosts.GetValueOrDefault(name)))],
            Observations = [.. design.Observations, .. observations],
            AlertPaths = [.. design.AlertPaths, .. paths],
        };
    }

    /// <summary>True for the resources this adds to a design, which no Pulumi program declares.</summary>
    public static bool Adds(DesignResource resource) => resource.Type is DeploymentType or ReceiverType;

    public static string DeploymentUrn(CustomerDeployment deployment) => $"urn:cloudiam:deployments::{deployment.Name}";

    private static string ReceiverUrn(string receiver) => $"urn:cloudiam:receivers::{receiver}";

    private static DesignResource Deployment(CustomerDeployment deployment) => new()
    {
        Urn = DeploymentUrn(deployment),
        Type = DeploymentType,
        Name = deployment.Name,
        Capability = CustomerDeployment.Capability,
        Placement = new ResourcePlacement
        {
            Provider = deployment.Provider,
            Region = deployment.Region,
            Networks = deployment.Network is { } network ? [network] : [],
        },
    };

    private static DesignResource Receiver(string name, ReceiverHost? host) => new()
    {
        Urn = ReceiverUrn(name),
        Type = ReceiverType,
        Name = name,
        Placement = host?.Provider is { } provider ? new ResourcePlacement { Provider = provider, Region = host.Region } : null,
    };

    /// <summary>Receiver names of every Alertmanager configuration in the inputs.</summary>
    private static IEnumerable<string> ReceiversOf(PropertyValue inputs) =>
        AlertmanagerConfigs
            .Select(path => inputs.Get($"{path}.receivers"))
            .OfType<ListValue>()
            .SelectMany(list => list.Items)
            .Select(item => item.GetString("name"))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);

    private static IEnumerable<string> Strings(PropertyValue value) => value switch
    {
        StringValue text => [text.Value],
        ListValue list => list.Items.SelectMany(Strings),
        MapValue map => map.Items.Values.SelectMany(Strings),
        _ => [],
    };
}
