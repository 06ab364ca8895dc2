using CloudIam.Placement.Analysis;
using CloudIam.Placement.Design;
using CloudIam.Placement.Evaluation;

namespace CloudIam.Infra.Reports.Check;

/// <summary>The DESIGN §6 JSON shape; <c>plan</c> embeds the same object, with every instance, in report.json.</summary>
public static class CheckJson
{
    public static object Of(PolicyReport report, InstanceListing listing) => new
    {
        verdict = report.Verdict,
        capabilities = report.Capabilities.Select(c => new
        {
            name = c.Name,
            critical = c.Critical,
            providers = c.Providers,
            instanceCount = c.InstanceCount,
            placements = c.Placements.Select(p => new { provider = p.Provider, region = p.Region, instances = p.Instances, sharedDomains = p.SharedDomains }),

            // Null is left out of the document, so a summary has no "instances" key at all.
            instances = listing == InstanceListing.Full
                ? c.Instances.Select(i => new { urn = i.Urn, provider = i.Provider, region = i.Region, domains = i.Domains })
                : null,
            resilience = Resilience(c.Resilience),
        }),
        violations = report.Violations.Select(ViolationView.Json),
        suppressed = report.Suppressed.Select(s => new
        {
            violation = ViolationView.Json(s.Violation),
            reason = s.By.Reason,
            expires = CheckSummary.Expiry(s),
        }),
        undeclaredCapabilities = report.UndeclaredCapabilities,
        deployments = report.Watched.Select(WatchedText.Json),
        timeToTarget = report.TimesToTarget.Select(time => new
        {
            path = time.Path.Name,
            target = time.Path.Target == AlertTarget.Page ? "page" : "publicStatus",
            worstCaseSeconds = (int)time.Path.WorstCase.TotalSeconds,
            budgetSeconds = time.Budget is { } budget ? (int)budget.TotalSeconds : (int?)null,
            withinBudget = time.WithinBudget,
            steps = time.Path.Steps.Select(step => new { setting = step.Setting, worstSeconds = (int)step.Worst.TotalSeconds }),
        }),
    };

    private static object Resilience(ResilienceDegree resilience) => new
    {
        degree = resilience.Degree,
        searchedUpTo = ResilienceDegree.MaxSearched,
        witness = resilience.Witness,
        through = resilience.Through,
    };
}
