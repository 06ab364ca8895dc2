namespace CloudIam.Placement.Rules;

/// <remarks>
/// Severity follows the observer: an Error when it is critical, a Warning otherwise. The observed
/// capability's own criticality does not lower it — the customer deployments are "non-critical" to
/// the tooling, yet an unseen deployment outage is exactly what this rule exists to prevent.
/// </remarks>
public sealed class PL004InvisibleOutage : IPlacementRule
{
    public string Id => "PL004";

    public string Title => "An observer fails together with what it observes";

    public string Explanation =>
        "Alerting and the status page exist to notice outages. If one failure domain takes down the observer and some of "
        + "what it watches, nobody is told: in the Scaleway incident our observability was slow and unstable on the same "
        + "provider, and the status page was updated an hour and a half after the first deployment failed. For every single-domain loss that hits an observed "
        + "capability ('observes:'), its observer must stay up.";

    public string HowToFix =>
        "Run the observer where the observed capability's failure domains cannot reach it, typically on another provider "
        + "than the deployments it watches (AWS alerting watching Scaleway deployments, and the reverse).";

    public IEnumerable<Violation> Check(RuleContext context)
    {
        var analysis = context.Analysis;
        foreach (var observer in analysis.Capabilities.Values)
        {
            foreach (var observed in observer.Spec.Observes)
            {
                var affected = new[] { observed, observer.Name }.Concat(analysis.TransitiveDependencies(observer.Name));
                foreach (var loss in context.SingleDomainLosses(observer.Spec, affected))
                {
                    var watcher = analysis.Evaluate(observer.Name, loss.Outage);
                    var watched = analysis.Evaluate(observed, loss.Outage);
                    var hit = watched.InstancesBefore - watched.InstancesAfter;
                    if (watcher.Up || hit == 0)
                    {
                        continue;
                    }

                    yield return new Violation
                    {
                        Rule = Id,
                        Capability = observer.Name,
                        Severity = observer.Spec.Critical ? Severity.Error : Severity.Warning,
                        Domains = loss.Ids,
                        Message = $"losing {loss.Narrowest} takes down {observer.Name} together with {hit} of {watched.InstancesBefore} "
                            + $"{observed} instances, so that outage goes unseen{loss.Also}",
                        Suggestion = $"add one {observer.Name} instance on {context.Elsewhere(observer, loss.Domains)}",
                    };
                }
            }
        }
    }
}
