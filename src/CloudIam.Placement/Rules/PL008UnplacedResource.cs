namespace CloudIam.Placement.Rules;

public sealed class PL008UnplacedResource : IPlacementRule
{
    public string Id => "PL008";

    public string Title => "A critical resource's placement cannot be inferred";

    public string Explanation =>
        "A resource whose provider and region cannot be read from the resource graph cannot be checked against any "
        + "outage. Treating it as safe would let a single-provider design pass because its placement is unknown, so it is "
        + "a violation, never a pass.";

    /// <summary>A suppression would turn "cannot be checked" back into a pass, which is what this rule forbids.</summary>
    public bool Suppressible => false;

    public string HowToFix =>
        "Give the resource an explicit provider resource and a region or zone input, or, for Kubernetes resources, make "
        + "its Kubernetes provider point at a cluster resource of the same program.";

    public IEnumerable<Violation> Check(RuleContext context) =>
        from capability in context.CriticalCapabilities
        from resource in capability.Unplaced
        select new Violation
        {
            Rule = Id,
            Capability = capability.Name,
            Severity = Severity.Error,
            Domains = [],
            Message = $"{resource.Urn} counts as {capability.Name} but its provider and region could not be inferred, so no outage can be checked against it",
            Suggestion = $"give {resource.Name} an explicit provider and a region or zone input (or a Kubernetes provider bound to a cluster of this program), or stop counting it as {capability.Name}",
        };
}
