using CloudIam.Placement.Design;

namespace CloudIam.Placement.Rules;

/// <remarks>
/// The library does not know Gatus or Alertmanager: the design brings its alert paths as settings with their
/// worst-case delays (<see cref="AlertPath"/>), and this rule compares their sums with the policy's budgets.
/// </remarks>
public sealed class PL011TimeToPage : IPlacementRule
{
    public string Id => "PL011";

    public string Title => "The worst-case time from a failure to a page or to the public status page is over budget";

    public string Explanation =>
        "Surviving an outage is not enough if nobody hears of it in time: in the Scaleway incident the failure took 6 minutes "
        + "to identify and 1h31 to reach the status page. The worst case adds up every wait on the path from a deployment "
        + "failing to the on-call being paged (probe interval, scrape and rule evaluation intervals, the alert's 'for:', "
        + "Alertmanager's group_wait) and to the public status page showing it; 'budgets' in the policy caps each, per path.";

    public string HowToFix =>
        "Shorten the setting the violation names (the costliest on the path): probe more often, lower the alert's 'for:' "
        + "or Alertmanager's group_wait; or, after a conscious decision, raise the budget in the policy.";

    public IEnumerable<Violation> Check(RuleContext context)
    {
        foreach (var path in context.Analysis.Design.AlertPaths)
        {
            if (!context.Policy.Budgets.TryGetValue(path.Target, out var budget) || path.WorstCase <= budget || path.Steps.IsEmpty)
            {
                continue;
            }

            var costliest = path.Costliest;
            var over = path.WorstCase - budget;
            yield return new Violation
            {
                Rule = Id,
                Capability = path.Capability,
                Severity = Severity.Error,
                Domains = [],
                Message = $"on {path.Name}, a failing deployment reaches the {Describe(path.Target)} after up to {Durations.Format(path.WorstCase)}, "
                    + $"over the budget of {Durations.Format(budget)}; the costliest setting is {costliest.Setting} ({Durations.Format(costliest.Worst)})",
                Suggestion = costliest.Worst > over
                    ? $"lower {costliest.Setting} (on {path.Name}) to at most {Durations.Format(costliest.Worst - over)}"
                    : $"lower {costliest.Setting} (on {path.Name}) and the next costliest settings by {Durations.Format(over)} in total",
            };
        }
    }

    public static string Describe(AlertTarget target) => target == AlertTarget.Page ? "on-call's pager" : "public status page";
}
