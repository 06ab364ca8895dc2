using CloudIam.Placement.Rules;
using CloudIam.Placement.Tests.Support;

namespace CloudIam.Placement.Tests.Rules;

public sealed class PL009SuppressionHygieneTests
{
    private static readonly PL009SuppressionHygiene Rule = new();

    private static IReadOnlyList<Violation> Run(string suppression) =>
        Harness.Run(Rule, Harness.Analyze(new TestDesign(), $"""
            capabilities:
              dashboards: {"{}"}
            suppressions:
              - {suppression}
            """));

    [Fact]
    public void A_reasoned_unexpired_suppression_of_a_known_rule_and_capability_is_fine()
    {
        Assert.Empty(Run("{ rule: PL002, capability: dashboards, reason: convenience only, expires: 2026-06-01 }"));
        Assert.Empty(Run("{ rule: PL005, capability: recovery, reason: state replica being set up }"));
    }

    [Fact]
    public void Missing_reason_is_reported()
    {
        var violation = Assert.Single(Run("{ rule: PL002, capability: dashboards }"));

        Assert.Equal("PL009", violation.Rule);
        Assert.Equal("dashboards", violation.Capability);
        Assert.Equal(Severity.Warning, violation.Severity);
        Assert.Empty(violation.Domains);
        Assert.Equal("the suppression of PL002 for dashboards at line 4 has no reason, so it suppresses nothing", violation.Message);
    }

    [Theory]
    [InlineData("'   '")]
    [InlineData("\"\\t\"")]
    public void A_whitespace_only_reason_is_no_reason(string reason)
    {
        var violation = Assert.Single(Run($"{{ rule: PL002, capability: dashboards, reason: {reason} }}"));

        Assert.Equal("the suppression of PL002 for dashboards at line 4 has no reason, so it suppresses nothing", violation.Message);
    }

    [Fact]
    public void Expired_suppression_is_reported_against_the_given_day()
    {
        var violation = Assert.Single(Run("{ rule: PL002, reason: temporary, expires: 2026-05-31 }"));

        Assert.Equal("*", violation.Capability);
        Assert.Contains("expired on 2026-05-31", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_rule_and_capability_get_a_spelling_hint()
    {
        var violations = Run("{ rule: PL02, capability: dashbords, reason: typo }");

        Assert.Equal(2, violations.Count);
        Assert.Contains(violations, v => v.Message.Contains("unknown rule 'PL02'", StringComparison.Ordinal) && v.Suggestion == "write 'rule: PL002'");
        Assert.Contains(violations, v => v.Message.Contains("unknown capability 'dashbords'", StringComparison.Ordinal) && v.Suggestion == "write 'capability: dashboards'");
    }

    [Fact]
    public void A_suppression_of_the_fail_closed_PL008_is_reported_however_well_reasoned()
    {
        var violation = Assert.Single(Run("{ rule: PL008, capability: dashboards, reason: placement known to us, expires: 2026-12-31 }"));

        Assert.Equal("the suppression of PL008 for dashboards at line 4 names PL008, which fails closed and cannot be suppressed, so it suppresses nothing", violation.Message);
        Assert.Contains("explain PL008", violation.Suggestion, StringComparison.Ordinal);
    }
}
