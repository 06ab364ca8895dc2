using System.Collections.Immutable;
using CloudIam.Placement.Analysis;
using CloudIam.Placement.Domains;
using CloudIam.Placement.Policy;

namespace CloudIam.Placement.Rules;

/// <summary>
/// The sweep behind every "survive any one domain" rule: each domain of a kind the judged
/// capability must survive that touches the affected capabilities, grouped by the exact instances
/// it takes down. Outcomes depend only on which instances are lost, so each group needs one evaluation.
/// </summary>
internal static class SingleDomainSweep
{
    public static IReadOnlyList<DomainLoss> SingleDomainLosses(this RuleContext context, CapabilitySpec judged, IEnumerable<string> affected)
    {
        var names = affected.Distinct(StringComparer.Ordinal).ToArray();
        var kinds = context.SurviveKinds(judged);

        // Several rules sweep the same capabilities; the sweep is the expensive part, so it runs once.
        var key = $"{string.Join(',', kinds)}|{string.Join(',', names)}";
        if (!context.SweepCache.TryGetValue(key, out var losses))
        {
            context.SweepCache[key] = losses = Sweep(context, kinds, names);
        }

        return losses;
    }

    private static IReadOnlyList<DomainLoss> Sweep(RuleContext context, ImmutableArray<DomainKind> kinds, string[] names)
    {
        var analysis = context.Analysis;
        var capabilities = names.Select(name => analysis.Capabilities[name]).ToArray();

        // Candidate indices are in table order (broadest first), so groups and their domains come out in report order.
        var order = new List<string>();
        var groups = new Dictionary<string, List<FailureDomain>>(StringComparer.Ordinal);
        foreach (var index in capabilities.SelectMany(c => c.CandidateDomainIndices).Distinct().Order())
        {
            var domain = analysis.Domains[index];
            if (!kinds.Contains(domain.Kind))
            {
                continue;
            }

            var key = LostInstancesKey(capabilities, analysis.Outage(domain));
            if (!groups.TryGetValue(key, out var domains))
            {
                order.Add(key);
                groups[key] = domains = [];
            }

            domains.Add(domain);
        }

        return [.. order.Select(key => new DomainLoss { Domains = [.. groups[key]], Outage = analysis.Outage(groups[key][0]) })];
    }

    /// <summary>Each distinct single-domain loss of the capability's own instances, with what it leaves of the capability.</summary>
    public static IEnumerable<(DomainLoss Loss, CapabilityOutcome Outcome)> OwnLosses(this RuleContext context, CapabilityAnalysis capability) =>
        context.SingleDomainLosses(capability.Spec, [capability.Name]).Select(loss => (loss, context.Analysis.Evaluate(capability.Name, loss.Outage)));

    private static string LostInstancesKey(CapabilityAnalysis[] capabilities, OutageSet outage) =>
        string.Join('|', capabilities.Select(c => c.LostGroupsKey(outage)));
}
