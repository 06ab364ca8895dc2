using System.Collections.Immutable;

namespace CloudIam.Placement.Rules;

/// <remarks>
/// The DNS records of a capability's public hosts (policy <c>publicHosts</c>) are part of that capability: people
/// reach the status page by name, so the page is down when nothing answers for its name, however many Gatus
/// instances still run. A record belongs to the DNS provider that serves it (its placement's provider).
/// </remarks>
public sealed class PL010PublicDnsPath : IPlacementRule
{
    public string Id => "PL010";

    public string Title => "A public host's DNS runs through too few DNS providers";

    public string Explanation =>
        "The 2026 incident was an outage of a provider's DNS. A status page served from two clouds is still unreachable "
        + "when its host name is published by one DNS provider only: that provider's outage takes the name, and with it "
        + "the page, off the internet exactly when customers look for it. Every host listed under a capability's "
        + "'publicHosts' that the design publishes must be published by DNS records on at least 'minProviders' providers, "
        + "and at least one of the listed hosts must be published (several stacks may each publish their own).";

    public string HowToFix =>
        "Serve the host's zone from a second DNS provider (for example Route 53 next to Scaleway DNS, both listed as the "
        + "zone's name servers) with health-checked records on each that point at every site serving the host.";

    public IEnumerable<Violation> Check(RuleContext context)
    {
        var analysis = context.Analysis;
        var records = analysis.PublicRecords;
        foreach (var capability in analysis.Capabilities.Values.Where(c => !c.Spec.PublicHosts.IsEmpty))
        {
            var (spec, required) = (capability.Spec, context.MinProviders(capability.Spec));
            var severity = spec.Critical ? Severity.Error : Severity.Warning;
            var published = spec.PublicHosts.Where(records.Contains).ToList();
            if (published.Count == 0)
            {
                yield return new Violation
                {
                    Rule = Id,
                    Capability = capability.Name,
                    Severity = severity,
                    Domains = [],
                    Message = $"no DNS record publishes {Text.JoinOr(spec.PublicHosts)}, so {capability.Name} cannot be reached by its public name",
                    Suggestion = Publish(spec.PublicHosts[0], context.ProvidersOutside([], []).Take(required).ToList(), also: false),
                };
            }

            foreach (var host in published)
            {
                ImmutableArray<string> providers = [.. records[host].Select(record => record.Placement!.Provider).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
                if (providers.Length >= required)
                {
                    continue;
                }

                var others = context.ProvidersOutside(providers, []).Take(required - providers.Length).ToList();
                yield return new Violation
                {
                    Rule = Id,
                    Capability = capability.Name,
                    Severity = severity,
                    Domains = providers,
                    Message = $"{host} is published only by {Text.JoinAnd(providers)} DNS ({providers.Length} of {required} providers): "
                        + $"an outage of that DNS takes {capability.Name} off the internet while its instances are up",
                    Suggestion = others.Count == 0
                        ? $"publish {host} from a DNS provider other than {Text.JoinAnd(providers)}"
                        : Publish(host, others, also: true),
                };
            }
        }
    }

    private static string Publish(string host, IReadOnlyList<string> providers, bool also) =>
        $"publish {host} through the DNS of {Text.JoinAnd(providers)}{(also ? " too" : "")}, with health-checked records pointing at every site that serves it";
}
