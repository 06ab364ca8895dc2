using CloudIam.Placement.Analysis;

namespace CloudIam.Placement.Rules;

/// <remarks>
/// Two findings share this ID. Capability level: a capability whose own instances survive a
/// single-domain loss but which breaks through a capability it depends on (dependsOn, transitively);
/// checked for every capability, an Error when it is critical and a Warning otherwise (dashboards →
/// metrics). Instance level, critical capabilities only: a loss that takes the capability below
/// threshold by killing instances whose own placement is outside the failed domain — they die only
/// through a resource they depend on, a coupling invisible in the instance's own placement.
/// </remarks>
public sealed class PL007TransitiveBreak : IPlacementRule
{
    public string Id => "PL007";

    public string Title => "A capability breaks through something it depends on";

    public string Explanation =>
        "Placing a capability on two providers does not help when it needs something that lives on one: Grafana without "
        + "its metrics store, runners without GitLab, alert routing without its notification channel, or an AWS instance "
        + "whose storage or network is on Scaleway. A single-domain loss then breaks it although none of its own "
        + "instances sit in the failed domain.";

    public string HowToFix =>
        "Make the dependency survive the same losses (place it on the same providers as its dependants), or remove the "
        + "cross-domain dependency so each provider's instances only need resources on that provider.";

    public IEnumerable<Violation> Check(RuleContext context) =>
        context.Analysis.Capabilities.Values.SelectMany(c => ThroughCapabilities(context, c))
            .Concat(context.CriticalCapabilities.SelectMany(c => ThroughResources(context, c)));

    private IEnumerable<Violation> ThroughCapabilities(RuleContext context, CapabilityAnalysis capability)
    {
        var analysis = context.Analysis;
        var dependencies = analysis.TransitiveDependencies(capability.Name);
        if (dependencies.IsEmpty)
        {
            yield break;
        }

        foreach (var loss in context.SingleDomainLosses(capability.Spec, [capability.Name, .. dependencies]))
        {
            var outcome = analysis.Evaluate(capability.Name, loss.Outage);
            if (!outcome.OwnUp || outcome.BrokenDependencies.IsEmpty)
            {
                continue;
            }

            var broken = outcome.BrokenDependencies;
            yield return new Violation
            {
                Rule = Id,
                Capability = capability.Name,
                Severity = capability.Spec.Critical ? Severity.Error : Severity.Warning,
                Domains = loss.Ids,
                Message = $"losing {loss.Narrowest} leaves the {capability.Name} instances up but breaks {capability.Name} through {Text.JoinAnd(broken)}{loss.Also}",
                Suggestion = $"add one {broken[0]} instance on {context.Elsewhere(analysis.Capabilities[broken[0]], loss.Domains)}",
            };
        }
    }

    private IEnumerable<Violation> ThroughResources(RuleContext context, CapabilityAnalysis capability)
    {
        foreach (var (loss, outcome) in context.OwnLosses(capability))
        {
            if (outcome.OwnUp)
            {
                continue;
            }

            var lost = capability.Instances.Where(i => i.IsLostIn(loss.Outage)).Select(i => (Instance: i, Own: i.OwnDomains)).ToList();
            var coupled = loss.Only(loss.Domains.Where(d => lost.Any(i => !i.Own.Contains(d))));
            if (coupled.Domains.IsEmpty)
            {
                continue;
            }

            var narrowest = coupled.Narrowest;
            var victims = lost.Where(i => !i.Own.Contains(narrowest)).Select(i => i.Instance).OrderBy(i => i.Urn, StringComparer.Ordinal).ToList();
            var first = victims[0];
            yield return new Violation
            {
                Rule = Id,
                Capability = capability.Name,
                Severity = Severity.Error,
                Domains = coupled.Ids,
                Message = $"losing {narrowest} takes down {Text.Instances(victims.Count, capability.Name)} placed outside it ({first.Urn}"
                    + $"{(victims.Count > 1 ? $" and {victims.Count - 1} more" : "")}) through {(victims.Count > 1 ? "resources they depend" : "a resource it depends")} on, "
                    + $"leaving {outcome.InstancesAfter} of {outcome.InstancesBefore}{coupled.Also}",
                Suggestion = $"move what {first.Resource.Name} depends on to {Suggest.Describe(first.Placement)}, where it runs, or drop that dependency",
            };
        }
    }
}
