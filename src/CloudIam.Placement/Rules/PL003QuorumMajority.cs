using CloudIam.Placement.Policy;

namespace CloudIam.Placement.Rules;

public sealed class PL003QuorumMajority : IPlacementRule
{
    public string Id => "PL003";

    public string Title => "A quorum capability loses its majority in a single-domain loss";

    public string Explanation =>
        "k-of-n systems (Vault/Raft, etcd, consensus-based stores) stop accepting writes when fewer than a majority of "
        + "their nodes remain. Spreading 2+1 nodes over two providers looks redundant but is not: losing the side with "
        + "two nodes leaves one of three, no majority. No single failure domain may hold half or more of the nodes.";

    public string HowToFix =>
        "Place the nodes over at least three failure domains with a minority in each, e.g. 1+1+1 or 2+2+1 over three "
        + "providers; a small tie-breaker node on a third provider is often enough.";

    public IEnumerable<Violation> Check(RuleContext context)
    {
        foreach (var capability in context.CriticalCapabilities.Where(c => c.Spec.Quorum == Quorum.Majority))
        {
            foreach (var (loss, outcome) in context.OwnLosses(capability))
            {
                var total = outcome.InstancesBefore;
                if (2 * outcome.InstancesAfter > total)
                {
                    continue;
                }

                // New nodes outside the lost domain restore a majority once survivors outnumber the lost ones.
                var lost = total - outcome.InstancesAfter;
                var needed = (2 * lost) - total + 1;
                var lostProviders = loss.Domains.Select(d => d.Provider);
                var place = context.ProvidersOutside(capability.Providers.Concat(lostProviders), []).FirstOrDefault()
                    ?? $"a third failure domain (e.g. a tie-breaker node on a provider {capability.Name} does not use yet)";
                yield return new Violation
                {
                    Rule = Id,
                    Capability = capability.Name,
                    Severity = Severity.Error,
                    Domains = loss.Ids,
                    Message = $"losing {loss.Narrowest} alone leaves {capability.Name} with {outcome.InstancesAfter} of {total} nodes, "
                        + $"no majority (needs {(total / 2) + 1}){loss.Also}",
                    Suggestion = $"add {Text.Instances(needed, capability.Name)} on {place} so that no single domain holds half of the nodes",
                };
            }
        }
    }
}
