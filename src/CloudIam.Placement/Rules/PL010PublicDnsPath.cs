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
        + "'publicHosts' must be published by DNS records on at least 'minProviders' providers.";

    public string HowToFix =>
        "Serve the host's zone from a second DNS provider (for example Route 53 next to Scaleway DNS, both listed as the "
        + "zone's name servers) with health-checked records on each that point at every site serving the host.";

    public IEnumerable<Violation> Check(RuleContext context)
    {
        var analysis = context.Analysis;
        var records = analysis.Design.Resources
            .Where(resource => resource is { PublicHost: not null, Placement: not null })
            .ToLookup(resource => resource.PublicHost!, StringComparer.Ordinal);
        foreach (var capability in analysis.Capabilities.Values)
        {
            var required = context.MinProviders(capability.Spec);
            foreach (var host in capability.Spec.PublicHosts)
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
                    Severity = capability.Spec.Critical ? Severity.Error : Severity.Warning,
                    Domains = providers,
                    Message = providers.IsEmpty
                        ? $"no DNS record publishes {host}, so {capability.Name} cannot be reached by its public name"
                        : $"{host} is published only by {Text.JoinAnd(providers)} DNS ({providers.Length} of {required} providers): "
                            + $"an outage of that DNS takes {capability.Name} off the internet while its instances are up",
                    Suggestion = others.Count == 0
                        ? $"publish {host} from a DNS provider other than {Text.JoinAnd(providers)}"
                        : $"publish {host} through the DNS of {Text.JoinAnd(others)} too, with health-checked records pointing at every site that serves it",
                };
            }
        }
    }
}
