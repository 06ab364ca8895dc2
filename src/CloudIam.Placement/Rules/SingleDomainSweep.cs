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
    public static IEnumerable<DomainLoss> SingleDomainLosses(this RuleContext context, CapabilitySpec judged, IEnumerable<string> affected)
    {
        var analysis = context.Analysis;
        var kinds = context.SurviveKinds(judged);
        var capabilities = affected.Distinct(StringComparer.Ordinal).Select(name => analysis.Capabilities[name]).ToArray();

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

        return order.Select(key => new DomainLoss { Domains = [.. groups[key]], Outage = analysis.Outage(groups[key][0]) });
    }

    /// <summary>Each distinct single-domain loss of the capability's own instances, with what it leaves of the capability.</summary>
    public static IEnumerable<(DomainLoss Loss, CapabilityOutcome Outcome)> OwnLosses(this RuleContext context, CapabilityAnalysis capability) =>
        context.SingleDomainLosses(capability.Spec, [capability.Name]).Select(loss => (loss, context.Analysis.Evaluate(capability.Name, loss.Outage)));

    private static string LostInstancesKey(CapabilityAnalysis[] capabilities, OutageSet outage) =>
        string.Join('|', capabilities.Select(c => string.Join(',', c.Instances.Select((instance, i) => instance.IsLostIn(outage) ? i : -1).Where(i => i >= 0))));
}
