using CloudIam.Placement.Evaluation;
using CloudIam.Placement.Rules;
using CloudIam.Placement.Tests.Support;

namespace CloudIam.Placement.Tests.Evaluation;

/// <summary>What <c>diff</c> calls a regression: a new blocking finding, or a critical capability less resilient.</summary>
public sealed class ReportDiffTests
{
    private const string Policy = """
        capabilities:
          metrics: { critical: true }
        """;

    [Fact]
    public void The_same_rule_and_capability_moving_to_another_domain_is_a_new_finding_and_a_regression()
    {
        var before = Evaluate(new TestDesign().Add("prom", r => r.Capability("metrics").OnScaleway()), Policy);
        var after = Evaluate(new TestDesign().Add("prom", r => r.Capability("metrics").OnAws()), Policy);
        Assert.Contains(before.Violations, v => v.Rule == "PL001" && v.Capability == "metrics");

        var diff = ReportDiff.Between(before, after);

        Assert.Contains(diff.Introduced, v => v.Rule == "PL001" && v.Capability == "metrics" && v.Domains.Contains("aws"));
        Assert.Contains(diff.Resolved, v => v.Rule == "PL001" && v.Capability == "metrics" && v.Domains.Contains("scaleway"));
        Assert.True(diff.IsRegression);
    }

    [Fact]
    public void The_same_findings_in_the_same_domains_are_no_change()
    {
        var design = new TestDesign().Add("prom", r => r.Capability("metrics").OnScaleway());

        var diff = ReportDiff.Between(Evaluate(design, Policy), Evaluate(design, Policy));

        Assert.Empty(diff.Introduced);
        Assert.Empty(diff.Resolved);
        Assert.False(diff.IsRegression);
    }

    [Fact]
    public void A_critical_capability_losing_resilience_is_a_regression_without_any_new_error()
    {
        const string policy = """
            capabilities:
              metrics: { critical: true, minProviders: 1, survive: [] }
            """;
        var before = Evaluate(new TestDesign()
            .Add("prom-scw", r => r.Capability("metrics").OnScaleway())
            .Add("prom-aws", r => r.Capability("metrics").OnAws()), policy);
        var after = Evaluate(new TestDesign()
            .Add("prom-scw", r => r.Capability("metrics").OnScaleway())
            .Add("prom-scw-2", r => r.Capability("metrics").OnScaleway("fr-par-2")), policy);

        var diff = ReportDiff.Between(before, after);

        Assert.DoesNotContain(diff.Introduced, v => v.Severity == Severity.Error);
        Assert.True(Assert.Single(diff.Capabilities).LessResilient);
        Assert.True(diff.IsRegression);
        Assert.False(ReportDiff.Between(after, before).IsRegression);
    }

    private static PolicyReport Evaluate(TestDesign design, string policy) =>
        PolicyEngine.Evaluate(Harness.Analyze(design, policy), Harness.Today);
}
