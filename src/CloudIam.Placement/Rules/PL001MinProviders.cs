namespace CloudIam.Placement.Rules;

public sealed class PL001MinProviders : IPlacementRule
{
    public string Id => "PL001";

    public string Title => "Critical capability runs on too few providers";

    public string Explanation =>
        "In the Scaleway private-network outage, observability and the CI runners ran on Scaleway only, so the incident "
        + "that took customer deployments down also made the on-call team's dashboards slow and stalled the pipelines "
        + "meant to apply the fix. A capability on one provider shares every fate of that provider: its network, DNS, "
        + "IAM and control planes. Critical capabilities must run on at least 'minProviders' (default 2) providers.";

    public string HowToFix =>
        "Add instances of the capability on another provider the design already uses (e.g. the AWS cluster next to the "
        + "Scaleway one) and tag them with the capability. Lower 'minProviders' for the capability only as an agreed exception.";

    public IEnumerable<Violation> Check(RuleContext context)
    {
        foreach (var capability in context.CriticalCapabilities)
        {
            var required = context.MinProviders(capability.Spec);
            var missing = required - capability.Providers.Length;
            if (missing <= 0)
            {
                continue;
            }

            var places = context.ProvidersOutside(capability.Providers, []).Take(missing).ToList();
            if (places.Count < missing)
            {
                var unnamed = missing - places.Count;
                places.Add(unnamed == 1 ? "a provider the design does not use yet" : $"{unnamed} more providers the design does not use yet");
            }

            yield return new Violation
            {
                Rule = Id,
                Capability = capability.Name,
                Severity = Severity.Error,
                Domains = capability.Providers,
                Message = capability.Providers.IsEmpty
                    ? $"{capability.Name} has no placed instance, so it runs on 0 of the {required} providers it needs"
                    : $"{capability.Name} runs only on {Text.JoinAnd(capability.Providers)} ({capability.Providers.Length} of {required} providers)",
                Suggestion = places.Count == 1
                    ? $"add {Text.Instances(missing, capability.Name)} on {places[0]}"
                    : $"add one {capability.Name} instance on each of {Text.JoinAnd(places)}",
            };
        }
    }
}
