using CloudIam.Placement.Evaluation;
using CloudIam.Placement.Rules;
using CloudIam.Placement.Tests.Support;

namespace CloudIam.Placement.Tests.Rules;

public sealed class PL008UnplacedResourceTests
{
    private const string Policy = """
        capabilities:
          logs: { critical: true }
          dashboards: { critical: false }
        """;

    private static readonly PL008UnplacedResource Rule = new();

    [Fact]
    public void A_critical_resource_without_placement_is_a_violation_naming_its_urn()
    {
        var design = new TestDesign()
            .Add("loki-scw", r => r.Capability("logs").OnScaleway())
            .Add("loki-mystery", r => r.Capability("logs"));

        var violation = Assert.Single(Harness.Run(Rule, design, Policy));

        Assert.Equal("PL008", violation.Rule);
        Assert.Equal("logs", violation.Capability);
        Assert.Equal(Severity.Error, violation.Severity);
        Assert.Empty(violation.Domains);
        Assert.StartsWith(TestDesign.UrnOf("loki-mystery"), violation.Message, StringComparison.Ordinal);
        Assert.StartsWith("give loki-mystery an explicit provider", violation.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void Placed_critical_resources_and_unplaced_non_critical_ones_pass()
    {
        var design = new TestDesign()
            .Add("loki-scw", r => r.Capability("logs").OnScaleway())
            .Add("grafana-mystery", r => r.Capability("dashboards"));

        Assert.Empty(Harness.Run(Rule, design, Policy));
    }

    [Fact]
    public void PL008_is_the_one_unsuppressible_rule()
    {
        Assert.Equal(["PL008"], RuleRegistry.All.Where(r => !r.Suppressible).Select(r => r.Id));
    }

    [Fact]
    public void A_suppression_of_PL008_suppresses_nothing_and_the_design_still_fails()
    {
        var design = new TestDesign()
            .Add("loki-scw", r => r.Capability("logs").OnScaleway())
            .Add("loki-mystery", r => r.Capability("logs"));
        var analysis = Harness.Analyze(design, Policy + """

            suppressions:
              - { rule: PL008, capability: logs, reason: we know where it runs, expires: 2026-12-31 }
            """);

        var report = PolicyEngine.Evaluate(analysis, Harness.Today);

        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Empty(report.Suppressed);
        Assert.Contains(report.Violations, v => v.Rule == "PL008" && v.Capability == "logs" && v.Severity == Severity.Error);
        Assert.Contains(report.Violations, v => v.Rule == "PL009" && v.Message.Contains("cannot be suppressed", StringComparison.Ordinal));
    }
}
