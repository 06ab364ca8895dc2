using CloudIam.Placement.Domains;

namespace CloudIam.Placement.Rules;

public sealed class PL005RecoveryPath : IPlacementRule
{
    /// <summary>
    /// The capability name PL005 reports state-backend and secrets findings under; suppressions may name it.
    /// </summary>
    public const string RecoveryCapability = "recovery";

    public string Id => "PL005";

    public string Title => "The recovery path of a provider fails with that provider";

    public string Explanation =>
        "Fixing a failing provider takes a runner that can apply changes, the Pulumi state to apply them against and the "
        + "secrets that state is encrypted with. During the Scaleway incident the pipelines used for corrective actions were "
        + "themselves on Scaleway and became slow and unstable. For every provider hosting critical tooling: each "
        + "'recovery.capabilities' entry must keep an instance off it, not every state backend may be on it, and the "
        + "secrets provider must not be on it.";

    public string HowToFix =>
        "Keep runners on a second provider, replicate the state bucket to another provider and list the replica under "
        + "'recovery.stateBackend', and use a secrets provider that does not depend on the provider being recovered "
        + "(a passphrase kept in the team vault, or a KMS on the other provider).";

    public IEnumerable<Violation> Check(RuleContext context)
    {
        if (context.Policy.Recovery is not { } recovery)
        {
            yield break;
        }

        var analysis = context.Analysis;
        var backends = recovery.StateBackends.Select(url => (Url: url, Provider: CloudUrl.ProviderOf(url))).ToList();
        var secrets = recovery.SecretsProvider is { } secretsUrl ? CloudUrl.ProviderOf(secretsUrl) : null;
        var providers = context.CriticalCapabilities.SelectMany(c => c.Providers).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var provider in providers)
        {
            var domain = FailureDomain.ForProvider(provider);
            var outage = analysis.Outage(domain);
            foreach (var name in recovery.Capabilities)
            {
                if (analysis.Evaluate(name, outage).InstancesAfter > 0)
                {
                    continue;
                }

                var capability = analysis.Capabilities[name];
                yield return Finding(
                    name,
                    provider,
                    $"losing {provider} leaves no {name} instance to apply the fix ({name} runs on {(capability.Providers.IsEmpty ? "no provider" : Text.JoinAnd(capability.Providers))})",
                    $"add one {name} instance on {context.Elsewhere(capability, [domain])}");
            }

            var elsewhere = context.ProvidersOutside([provider], []).FirstOrDefault() ?? $"a provider other than {provider}";
            if (backends.Count > 0 && backends.All(b => b.Provider == provider))
            {
                yield return Finding(
                    RecoveryCapability,
                    provider,
                    $"every Pulumi state backend ({Text.JoinAnd(backends.Select(b => b.Url))}) is on {provider}, so losing {provider} leaves no state to run pulumi up against",
                    $"replicate the state to a bucket on {elsewhere} and list it under recovery.stateBackend");
            }

            if (secrets == provider)
            {
                yield return Finding(
                    RecoveryCapability,
                    provider,
                    $"the secrets provider {recovery.SecretsProvider} is on {provider}, so losing {provider} leaves the stack's secrets undecryptable",
                    $"use a secrets provider that does not depend on {provider}: a passphrase kept outside it, or a KMS on {elsewhere}");
            }
        }
    }

    private Violation Finding(string capability, string provider, string message, string suggestion) => new()
    {
        Rule = Id,
        Capability = capability,
        Severity = Severity.Error,
        Domains = [provider],
        Message = message,
        Suggestion = suggestion,
    };
}
