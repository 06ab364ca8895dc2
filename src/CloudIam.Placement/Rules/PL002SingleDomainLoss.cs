namespace CloudIam.Placement.Rules;

public sealed class PL002SingleDomainLoss : IPlacementRule
{
    public string Id => "PL002";

    public string Title => "A single failure domain takes a critical capability below minHealthy";

    public string Explanation =>
        "Two providers are not enough if every instance still hangs on one region, network or provider-internal service. "
        + "The Scaleway incident was not a whole-provider outage: private-network DHCP and internal DNS failed, and every "
        + "resource attached to a private network went with them. Each domain of a kind listed in 'survive' (provider, "
        + "region, zone, network, service) is removed on its own; a critical capability must keep 'minHealthy' of its own instances.";

    public string HowToFix =>
        "Add instances outside the named domain (another provider, or at least another region or network), or raise the "
        + "instance count so the survivors still meet 'minHealthy'. The narrowest domain in the message shows what actually couples the instances.";

    public IEnumerable<Violation> Check(RuleContext context)
    {
        foreach (var capability in context.CriticalCapabilities)
        {
            foreach (var (loss, outcome) in context.OwnLosses(capability))
            {
                var missing = capability.Spec.MinHealthy - outcome.InstancesAfter;
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
                    Message = $"losing {loss.Narrowest} alone leaves {capability.Name} with {outcome.InstancesAfter} of {outcome.InstancesBefore} instances "
                        + $"(minHealthy {capability.Spec.MinHealthy}){loss.Also}",
                    Suggestion = $"add {Text.Instances(missing, capability.Name)} on {context.Elsewhere(capability, loss.Domains)}",
                };
            }
        }
    }
}
