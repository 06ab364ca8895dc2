namespace CloudIam.Placement.Rules;

public sealed class PL006CapacityAfterLoss : IPlacementRule
{
    public string Id => "PL006";

    public string Title => "Capacity left after a single-domain loss is below minAfterLoss";

    public string Explanation =>
        "A capability can stay up and still be useless: one surviving CI runner with two job slots cannot carry the "
        + "corrective pipelines of an incident. For critical capabilities with 'capacity', the sum of 'capacity.property' over the "
        + "instances that survive any one domain loss must stay at or above 'minAfterLoss'.";

    public string HowToFix =>
        "Raise the capacity property (e.g. values.concurrent) on the instances outside the failing domain, or add an "
        + "instance there, until what survives meets 'minAfterLoss'.";

    public IEnumerable<Violation> Check(RuleContext context)
    {
        foreach (var capability in context.CriticalCapabilities)
        {
            if (capability.Spec.Capacity is not { } capacity)
            {
                continue;
            }

            foreach (var (loss, outcome) in context.OwnLosses(capability))
            {
                var missing = capacity.MinAfterLoss - outcome.CapacityAfter;
                if (missing <= 0)
                {
                    continue;
                }

                yield return new Violation
                {
                    Rule = Id,
                    Capability = capability.Name,
                    Severity = Severity.Error,
                    Domains = loss.Ids,
                    Message = $"losing {loss.Narrowest} alone leaves {capability.Name} with {capacity.Property} {Text.Number(outcome.CapacityAfter)} "
                        + $"of {Text.Number(outcome.CapacityBefore)} (minAfterLoss {Text.Number(capacity.MinAfterLoss)}){loss.Also}",
                    Suggestion = $"add one {capability.Name} instance on {context.Elsewhere(capability, loss.Domains)} with {capacity.Property}: {Text.Number(missing)}, "
                        + $"or raise {capacity.Property} by {Text.Number(missing)} on the instances that survive",
                };
            }
        }
    }
}
