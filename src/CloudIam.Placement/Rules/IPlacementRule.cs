namespace CloudIam.Placement.Rules;

/// <summary>
/// One placement rule with a stable ID. The text members are what <c>explain RULE</c> prints, so
/// they are written for the person whose merge request was just refused.
/// </summary>
public interface IPlacementRule
{
    /// <summary>Stable ID (<c>PL001</c>); suppressions and CI annotations refer to it.</summary>
    string Id { get; }

    /// <summary>A short line for listings.</summary>
    string Title { get; }

    /// <summary>Why the rule exists and what it protects against.</summary>
    string Explanation { get; }

    /// <summary>The usual ways to make a design pass.</summary>
    string HowToFix { get; }

    /// <summary>
    /// False for fail-closed rules (DESIGN §7.3): a suppression of such a rule suppresses nothing and
    /// PL009 reports it, because the rule exists so that what cannot be checked never passes.
    /// </summary>
    bool Suppressible => true;

    IEnumerable<Violation> Check(RuleContext context);
}
