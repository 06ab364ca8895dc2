using CloudIam.Placement.Policy;

namespace CloudIam.Placement.Rules;

/// <remarks>
/// A Warning: a suppression with a problem suppresses nothing (see <see cref="IsValid"/>), so the
/// violation it aimed at still blocks on its own; blocking again here would only repeat it.
/// </remarks>
public sealed class PL009SuppressionHygiene : IPlacementRule
{
    public string Id => "PL009";

    public string Title => "A suppression is missing its reason, has expired, or names nothing";

    public string Explanation =>
        "A suppression accepts a known risk for a while, and only with a written reason. Expired ones, ones without a "
        + "reason, ones naming an unknown rule or capability and ones naming a fail-closed rule (PL008) are ignored, so the "
        + "violation they aimed at still counts; this rule says why the suppression did not apply.";

    public string HowToFix =>
        "Give the suppression a 'reason', renew 'expires' (yyyy-MM-dd) after re-reading the risk, or correct the rule ID "
        + "or capability name; delete it once the underlying violation is fixed.";

    /// <summary>A suppression applies only when this holds; the policy engine and this rule agree by construction.</summary>
    public static bool IsValid(Suppression suppression, RuleContext context) => !Problems(suppression, context).Any();

    public IEnumerable<Violation> Check(RuleContext context) =>
        from suppression in context.Policy.Suppressions
        from problem in Problems(suppression, context)
        select new Violation
        {
            Rule = Id,
            Capability = suppression.Capability ?? "*",
            Severity = Severity.Warning,
            Domains = [],
            Message = $"the suppression of {suppression.Rule}{(suppression.Capability is { } c ? $" for {c}" : "")} at line {suppression.Line} {problem.Message}, so it suppresses nothing",
            Suggestion = problem.Suggestion,
        };

    private static IEnumerable<(string Message, string Suggestion)> Problems(Suppression suppression, RuleContext context)
    {
        if (string.IsNullOrWhiteSpace(suppression.Reason))
        {
            yield return ("has no reason", "add a 'reason' saying why the risk is accepted, or delete the suppression");
        }

        if (suppression.Expires is { } expires && expires < context.Today)
        {
            yield return ($"expired on {expires:yyyy-MM-dd}", $"fix the {suppression.Rule} violation and delete the suppression, or renew 'expires' after re-reading the risk");
        }

        var ruleIds = context.Rules.Select(r => r.Id).ToList();
        if (context.Rules.FirstOrDefault(r => r.Id == suppression.Rule) is { Suppressible: false } failClosed)
        {
            yield return ($"names {failClosed.Id}, which fails closed and cannot be suppressed", $"delete the suppression and fix the {failClosed.Id} violation itself (see 'cloudiam-infra explain {failClosed.Id}')");
        }
        else if (!ruleIds.Contains(suppression.Rule, StringComparer.Ordinal))
        {
            yield return ($"names the unknown rule '{suppression.Rule}'", Spelling.DidYouMean(suppression.Rule, ruleIds) is { } rule
                ? $"write 'rule: {rule}'"
                : $"name one of {ruleIds[0]}–{ruleIds[^1]} (see 'cloudiam-infra explain RULE')");
        }

        var capabilities = context.Policy.Capabilities.Keys.Append(PL005RecoveryPath.RecoveryCapability).ToList();
        if (suppression.Capability is { } named && !capabilities.Contains(named, StringComparer.Ordinal))
        {
            yield return ($"names the unknown capability '{named}'", Spelling.DidYouMean(named, capabilities) is { } capability
                ? $"write 'capability: {capability}'"
                : "name a capability declared under 'capabilities', or drop 'capability' to cover them all");
        }
    }
}
