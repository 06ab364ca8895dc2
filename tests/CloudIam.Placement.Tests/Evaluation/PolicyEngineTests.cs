using CloudIam.Placement.Evaluation;
using CloudIam.Placement.Rules;
using CloudIam.Placement.Tests.Support;

namespace CloudIam.Placement.Tests.Evaluation;

public sealed class PolicyEngineTests
{
    private static PolicyReport Evaluate(TestDesign design, string policy) =>
        PolicyEngine.Evaluate(Harness.Analyze(design, policy), Harness.Today);

    private static TestDesign AlertingOnScalewayOnly() => new TestDesign()
        .Add("alertmanager", r => r.Capability("alerting").OnScaleway())
        .Add("eks", r => r.Capability("platform").OnAws());

    private static string Policy(string suppressions = "[]") => $"""
        capabilities:
          alerting: {"{"} critical: true {"}"}
          platform: {"{}"}
        suppressions: {suppressions}
        """;

    [Fact]
    public void An_unsuppressed_error_fails_and_violations_come_sorted()
    {
        var report = Evaluate(AlertingOnScalewayOnly(), Policy());

        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Equal(["PL001", "PL002"], report.Violations.Select(v => v.Rule).ToArray());
        Assert.Empty(report.Suppressed);
    }

    [Fact]
    public void A_valid_suppression_moves_matching_violations_aside_and_can_turn_the_verdict()
    {
        var report = Evaluate(AlertingOnScalewayOnly(), Policy("""

              - { rule: PL001, capability: alerting, reason: AWS side being built, expires: 2026-07-01 }
              - { rule: PL002, reason: same, expires: 2026-07-01 }
            """));

        Assert.Equal(Verdict.Pass, report.Verdict);
        Assert.Empty(report.Violations);
        Assert.Equal(["PL001", "PL002"], report.Suppressed.Select(s => s.Violation.Rule).ToArray());
        Assert.Equal("AWS side being built", report.Suppressed[0].By.Reason);
        Assert.Null(report.Suppressed[1].By.Capability);
    }

    [Fact]
    public void An_expired_or_reasonless_suppression_suppresses_nothing_and_is_reported()
    {
        var report = Evaluate(AlertingOnScalewayOnly(), Policy("""

              - { rule: PL001, capability: alerting, reason: too late, expires: 2026-05-31 }
              - { rule: PL002, capability: alerting }
            """));

        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Empty(report.Suppressed);
        Assert.Equal(["PL001", "PL002", "PL009", "PL009"], report.Violations.Select(v => v.Rule).ToArray());
    }

    [Fact]
    public void A_suppression_for_another_capability_does_not_match()
    {
        var report = Evaluate(AlertingOnScalewayOnly(), Policy("""

              - { rule: PL001, capability: platform, reason: unrelated }
            """));

        Assert.Contains(report.Violations, v => v.Rule == "PL001" && v.Capability == "alerting");
        Assert.Empty(report.Suppressed);
    }

    [Fact]
    public void Warnings_alone_pass()
    {
        var design = new TestDesign()
            .Add("alertmanager-scw", r => r.Capability("alerting").OnScaleway())
            .Add("alertmanager-aws", r => r.Capability("alerting").OnAws());

        var report = Evaluate(design, Policy("[{ rule: PL001, capability: alerting }]"));

        Assert.Equal(Verdict.Pass, report.Verdict);
        Assert.Equal(Severity.Warning, Assert.Single(report.Violations).Severity);
    }

    [Fact]
    public void Capability_summaries_list_providers_instances_and_resilience()
    {
        var design = new TestDesign()
            .Add("b-alertmanager-scw", r => r.Capability("alerting").OnScaleway())
            .Add("a-alertmanager-aws", r => r.Capability("alerting").On("aws", "eu-west-3"));

        var report = Evaluate(design, Policy());

        Assert.Equal(["alerting", "platform"], report.Capabilities.Select(c => c.Name).ToArray());
        var alerting = report.Capabilities[0];
        Assert.True(alerting.Critical);
        Assert.Equal(["aws", "scaleway"], alerting.Providers.ToArray());
        Assert.Equal([TestDesign.UrnOf("a-alertmanager-aws"), TestDesign.UrnOf("b-alertmanager-scw")], alerting.Instances.Select(i => i.Urn).ToArray());
        var aws = alerting.Instances[0];
        Assert.Equal(("aws", "eu-west-3"), (aws.Provider, aws.Region));
        Assert.Equal(["aws", "aws/eu-west-3", "aws/svc:iam"], aws.Domains.ToArray());
        Assert.Equal(2, alerting.Resilience.Degree);
        Assert.Equal(["aws", "scaleway"], alerting.Resilience.Witness.ToArray());
    }
}
