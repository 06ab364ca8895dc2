using System.Collections.Immutable;
using CloudIam.Placement.Analysis;
using CloudIam.Placement.Domains;

namespace CloudIam.Placement.Rules;

/// <remarks>
/// Severity follows the observer: an Error when it is critical, a Warning otherwise. The observed
/// capability's own criticality does not lower it — the customer deployments are "non-critical" to
/// the tooling, yet an unseen deployment outage is exactly what this rule exists to prevent.
/// Where the design has observer edges (probes), each observed instance is judged by the instances that
/// actually probe it; without any, every observer instance is assumed to watch everything it observes.
/// </remarks>
public sealed class PL004InvisibleOutage : IPlacementRule
{
    public string Id => "PL004";

    public string Title => "An observer fails together with what it observes";

    public string Explanation =>
        "Alerting and the status page exist to notice outages. If one failure domain takes down the observer and some of "
        + "what it watches, nobody is told: in the Scaleway incident our observability was slow and unstable on the same "
        + "provider, and the status page was updated an hour and a half after the first deployment failed. Each observed "
        + "instance (a customer deployment) needs a probe from an instance that shares no failure domain with it (provider, "
        + "region, private network, provider DNS), and an alert path — the prober, the Alertmanager, the receiver — that "
        + "does not run through its failure domains either. Without probes in the design, for every single-domain loss "
        + "that hits an observed capability ('observes:'), its observer must stay up.";

    public string HowToFix =>
        "Run the observer where the observed capability's failure domains cannot reach it, typically on another provider "
        + "than the deployments it watches (AWS alerting watching Scaleway deployments, and the reverse): probe every "
        + "deployment from both sides, and route each side's alerts to a receiver hosted off the deployments' provider.";

    public IEnumerable<Violation> Check(RuleContext context)
    {
        var analysis = context.Analysis;
        foreach (var observer in analysis.Capabilities.Values)
        {
            foreach (var observedName in observer.Spec.Observes)
            {
                if (!analysis.Capabilities.TryGetValue(observedName, out var observed))
                {
                    continue;
                }

                var violations = analysis.Watchers.HasEdges(observer, observed)
                    ? Probed(context, observer, observed)
                    : Assumed(context, observer, observedName);
                foreach (var violation in violations)
                {
                    yield return violation;
                }
            }
        }

        if (!analysis.Watchers.PathsKnown)
        {
            yield break;
        }

        foreach (var observed in analysis.Watchers.Observed)
        {
            foreach (var instance in analysis.Capabilities[observed].Instances)
            {
                if (Paging(context, instance) is { } violation)
                {
                    yield return violation;
                }
            }
        }
    }

    /// <summary>Per observed instance: some instance that probes it shares none of its failure domains.</summary>
    private IEnumerable<Violation> Probed(RuleContext context, CapabilityAnalysis observer, CapabilityAnalysis observed)
    {
        var watchers = context.Analysis.Watchers;
        var kinds = context.SurviveKinds(observer.Spec);
        foreach (var instance in observed.Instances)
        {
            var name = instance.Resource.Name;
            var where = Suggest.Describe(instance.Placement);
            var probing = watchers.Watching(instance, observer);
            var shared = probing.Select(p => (Probe: p, Shared: watchers.Shared(instance, [p.Urn], kinds))).ToList();
            if (shared.Count > 0 && shared.Any(s => s.Shared.IsEmpty))
            {
                continue;
            }

            var domains = shared.SelectMany(s => s.Shared).Distinct().Order().ToList();
            yield return new Violation
            {
                Rule = Id,
                Capability = observer.Name,
                Severity = observer.Spec.Critical ? Severity.Error : Severity.Warning,
                Domains = [.. domains.Select(d => d.Id)],
                Message = shared.Count == 0
                    ? $"no {observer.Name} instance probes {name} ({where}), so its outage goes unseen"
                    : $"every {observer.Name} instance probing {name} ({where}) shares a failure domain with it "
                        + $"({string.Join(", ", shared.Select(s => $"{s.Probe.Resource.Name}: {Coupling(s.Shared)}"))}), so one outage takes down "
                        + "the deployment and what would see it",
                Suggestion = $"probe {name} from a {observer.Name} instance on {context.Elsewhere(observer, instance.Domains)}",
            };
        }
    }

    /// <summary>Without probes in the design: every single-domain loss that hits the observed capability leaves the observer up.</summary>
    private IEnumerable<Violation> Assumed(RuleContext context, CapabilityAnalysis observer, string observed)
    {
        var analysis = context.Analysis;
        var affected = new[] { observed, observer.Name }.Concat(analysis.TransitiveDependencies(observer.Name));
        foreach (var loss in context.SingleDomainLosses(observer.Spec, affected))
        {
            var watcher = analysis.Evaluate(observer.Name, loss.Outage);
            var watched = analysis.Evaluate(observed, loss.Outage);
            var hit = watched.InstancesBefore - watched.InstancesAfter;
            if (watcher.Up || hit == 0)
            {
                continue;
            }

            yield return new Violation
            {
                Rule = Id,
                Capability = observer.Name,
                Severity = observer.Spec.Critical ? Severity.Error : Severity.Warning,
                Domains = loss.Ids,
                Message = $"losing {loss.Narrowest} takes down {observer.Name} together with {hit} of {watched.InstancesBefore} "
                    + $"{observed} instances, so that outage goes unseen{loss.Also}",
                Suggestion = $"add one {observer.Name} instance on {context.Elsewhere(observer, loss.Domains)}",
            };
        }
    }

    /// <summary>Some alert path about the observed instance runs through none of its failure domains.</summary>
    private Violation? Paging(RuleContext context, Instance instance)
    {
        var watchers = context.Analysis.Watchers;
        var kinds = context.Policy.Defaults.Survive;
        var name = instance.Resource.Name;
        var provider = instance.Placement.Provider;
        var where = Suggest.Describe(instance.Placement);
        var elsewhere = context.ProvidersOutside([provider], []).FirstOrDefault() ?? $"a provider other than {provider}";
        var paths = watchers.PathsFor(instance).Select(p => (Path: p, Shared: watchers.Shared(instance, p.Through, kinds))).ToList();
        if (paths.Any(p => p.Shared.IsEmpty))
        {
            return null;
        }

        if (paths.Count == 0)
        {
            return new Violation
            {
                Rule = Id,
                Capability = instance.Capability,
                Severity = Severity.Error,
                Domains = [],
                Message = $"no alert path pages about {name} ({where}): nothing that watches it routes an alert to a receiver",
                Suggestion = $"route the alerts of a probe of {name} on {elsewhere} to a receiver hosted off {provider}",
            };
        }

        // Raisers that are themselves independent only fail through what they route to: the receivers.
        var independentRaisers = paths
            .Where(p => watchers.Shared(instance, [p.Path.From], kinds).IsEmpty)
            .Select(p => context.Analysis.Resource(p.Path.From)?.Name ?? p.Path.From)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new Violation
        {
            Rule = Id,
            Capability = instance.Capability,
            Severity = Severity.Error,
            Domains = [.. paths.SelectMany(p => p.Shared).Distinct().Order().Select(d => d.Id)],
            Message = $"every alert path about {name} ({where}) runs through its failure domains "
                + $"({string.Join(", ", paths.Select(p => $"{p.Path.Name}: {Coupling(p.Shared)}"))}), so its outage pages nobody",
            Suggestion = independentRaisers.Count > 0
                ? $"add a receiver hosted off {provider} to the alert routes of {Text.JoinAnd(independentRaisers)}"
                : $"add alerting on {elsewhere} that pages about {name} through a receiver hosted off {provider}",
        };
    }

    /// <summary>What couples the two, broadest to most specific: "scaleway down to scaleway/fr-par/svc:dhcp".</summary>
    private static string Coupling(ImmutableArray<FailureDomain> domains) =>
        DomainLoss.NarrowestOf(domains) is var narrowest && narrowest == domains[0] ? narrowest.Id : $"{domains[0].Id} down to {narrowest.Id}";
}
