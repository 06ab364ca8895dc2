using CloudIam.Placement.Analysis;
using CloudIam.Placement.Design;
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
        + "'recovery.capabilities' entry must keep an instance off it, and when the policy declares the 'recovery' "
        + "capability (the deploy jobs read from the repository's pipelines), at least one deploy job must survive it "
        + "together with everything it needs: its runners, its state backend and its secrets provider.";

    public string HowToFix =>
        "Keep runners on a second provider and a deploy job on each provider's runners; point the job of each side at a "
        + "state backend that does not depend on the other side (a replica of the state bucket), and use a secrets "
        + "provider that does not depend on the provider being recovered (a passphrase held by the CI, or a KMS on the "
        + "other provider).";

    public IEnumerable<Violation> Check(RuleContext context)
    {
        var analysis = context.Analysis;
        var recovery = context.Policy.Recovery;
        analysis.Capabilities.TryGetValue(RecoveryCapability, out var jobs);
        if (recovery is null && jobs is null)
        {
            yield break;
        }

        var providers = context.CriticalCapabilities.SelectMany(c => c.Providers)
            .Concat(jobs?.Providers ?? [])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var provider in providers)
        {
            var domain = FailureDomain.ForProvider(provider);
            var outage = analysis.Outage(domain);
            foreach (var name in recovery?.Capabilities ?? [])
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

            if (jobs is not null && NoDeployJobLeft(context, jobs, domain, outage) is { } lost)
            {
                yield return Finding(RecoveryCapability, provider, lost.Message, lost.Suggestion);
            }
        }
    }

    // Null when some deploy job survives the outage with its runners and everything it needs; otherwise why
    // each job is lost and the change that would keep one.
    private static (string Message, string Suggestion)? NoDeployJobLeft(RuleContext context, CapabilityAnalysis jobs, FailureDomain provider, OutageSet outage)
    {
        var resources = context.Analysis.Design.Resources.ToDictionary(r => r.Urn, StringComparer.Ordinal);
        var reasons = new List<string>();
        string? fix = null;
        foreach (var job in jobs.Instances)
        {
            var unplaced = job.Resource.Dependencies.Select(urn => resources.GetValueOrDefault(urn)).OfType<DesignResource>().Where(d => d.Placement is null).ToList();
            if (!job.IsLostIn(outage) && unplaced.Count == 0)
            {
                return null;
            }

            if (job.OwnDomains.Contains(provider))
            {
                reasons.Add($"{job.Resource.Name} runs on {provider.Provider}");
                continue;
            }

            var through = job.Resource.Dependencies.Select(urn => resources.GetValueOrDefault(urn))
                .OfType<DesignResource>()
                .FirstOrDefault(d => d.Placement?.Provider == provider.Provider);
            if (through is not null)
            {
                reasons.Add($"{job.Resource.Name} needs the {through.Name} on {provider.Provider}");
                fix ??= $"point {job.Resource.Name} off {provider.Provider}: replace the {through.Name} with one on {context.ProvidersOutside([provider.Provider], []).FirstOrDefault() ?? $"a provider other than {provider.Provider}"}";
            }
            else if (unplaced.Count > 0)
            {
                reasons.Add($"{job.Resource.Name} needs the {Text.JoinAnd(unplaced.Select(d => d.Name))}, which lives on no provider this check knows");
                fix ??= $"name the {unplaced[0].Name} of {job.Resource.Name} by a URL on a known provider other than {provider.Provider}";
            }
            else
            {
                reasons.Add($"{job.Resource.Name} needs something on {provider.Provider}");
            }
        }

        reasons.AddRange(jobs.Unplaced.Select(job => $"{job.Name} runs on runners of no known provider"));
        var elsewhere = context.Elsewhere(jobs, [provider]);
        var template = jobs.Instances.Select(j => j.Resource.Name).Concat(jobs.Unplaced.Select(j => j.Name)).FirstOrDefault();
        fix ??= template is null
            ? $"add a deploy job ({RecoveryCapability}) on the runners of {elsewhere}"
            : $"add a deploy job on the runners of {elsewhere}, a copy of {template} with its own state backend off {provider.Provider}";
        var why = reasons.Count == 0 ? "the pipelines hold no deploy job" : Text.JoinAnd(reasons);
        return ($"losing {provider.Provider} leaves no deploy job to apply the fix: {why}", fix);
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
