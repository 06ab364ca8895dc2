using CloudIam.Placement.Analysis;
using CloudIam.Placement.Design;
using CloudIam.Placement.Evaluation;

namespace CloudIam.Infra.Reports.Check;

/// <summary>Builds the DESIGN §6 JSON shape, <see cref="CheckDocument"/>; <c>plan</c> embeds it, with every instance, in report.json.</summary>
public static class CheckJson
{
    public static CheckDocument Of(PolicyReport report, InstanceListing listing) => new(
        Verdict: report.Verdict,
        Capabilities: [.. report.Capabilities.Select(c => new CapabilityEntry(
            Name: c.Name,
            Critical: c.Critical,
            Providers: c.Providers,
            InstanceCount: c.InstanceCount,
            Placements: [.. c.Placements.Select(p => new PlacementEntry(p.Provider, p.Region, p.Instances, p.SharedDomains))],

            // Null is left out of the document, so a summary has no "instances" key at all.
            Instances: listing == InstanceListing.Full
                ? [.. c.Instances.Select(i => new InstanceEntry(i.Urn, i.Provider, i.Region, i.Domains))]
                : null,
            Resilience: new ResilienceEntry(c.Resilience.Degree, ResilienceDegree.MaxSearched, c.Resilience.Witness, c.Resilience.Through)))],
        Violations: [.. report.Violations.Select(ViolationView.Json)],
        Suppressed: [.. report.Suppressed.Select(s => new SuppressedEntry(ViolationView.Json(s.Violation), s.By.Reason, CheckSummary.Expiry(s)))],
        UndeclaredCapabilities: report.UndeclaredCapabilities,
        Deployments: [.. report.Watched.Select(WatchedText.Json)],
        TimeToTarget: [.. report.TimesToTarget.Select(time => new TimeToTargetEntry(
            Path: time.Path.Name,
            Target: time.Path.Target == AlertTarget.Page ? "page" : "publicStatus",
            WorstCaseSeconds: (int)time.Path.WorstCase.TotalSeconds,
            BudgetSeconds: time.Budget is { } budget ? (int)budget.TotalSeconds : null,
            WithinBudget: time.WithinBudget,
            Steps: [.. time.Path.Steps.Select(step => new AlertStepEntry(step.Setting, (int)step.Worst.TotalSeconds))]))]);
}
