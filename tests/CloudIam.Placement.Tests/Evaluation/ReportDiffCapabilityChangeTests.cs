using CloudIam.Placement.Evaluation;
using CloudIam.Placement.Tests.Support;

namespace CloudIam.Placement.Tests.Evaluation;

public sealed class ReportDiffCapabilityChangeTests
{
    private static readonly PolicyReport Base = PolicyEngine.Evaluate(Harness.Analyze(
        new TestDesign()
            .Add("alertmanager", r => r.Capability("alerting").OnScaleway())
            .Add("eks", r => r.Capability("platform").OnAws()),
        """
        capabilities:
          alerting: { critical: true }
          platform: {}
        """), Harness.Today);

    /// <summary>The head drops alerting and adds logs on both providers; platform stays as it was.</summary>
    private static readonly PolicyReport Head = PolicyEngine.Evaluate(Harness.Analyze(
        new TestDesign()
            .Add("loki-scw", r => r.Capability("logs").OnScaleway())
            .Add("loki-aws", r => r.Capability("logs").OnAws())
            .Add("eks", r => r.Capability("platform").OnAws()),
        """
        capabilities:
          logs: { critical: true }
          platform: {}
        """), Harness.Today);

    [Fact]
    public void A_removed_critical_capability_is_a_regression_and_its_violations_are_resolved()
    {
        var diff = ReportDiff.Between(Base, Head);

        var alerting = diff.Capabilities.Single(c => c.Name == "alerting");
        Assert.Equal((true, 1, 0, 1, 0), (alerting.Critical, alerting.InstancesBefore, alerting.InstancesAfter, alerting.DegreeBefore, alerting.DegreeAfter));
        Assert.Equal(["scaleway"], alerting.ProvidersBefore.ToArray());
        Assert.Empty(alerting.ProvidersAfter);
        Assert.True(alerting.Changed);
        Assert.True(alerting.LessResilient);
        Assert.True(diff.IsRegression);
        Assert.Equal(["PL001", "PL002"], diff.Resolved.Where(v => v.Capability == "alerting").Select(v => v.Rule).ToArray());
    }

    [Fact]
    public void An_added_capability_counts_from_nothing_and_an_untouched_one_is_unchanged()
    {
        var diff = ReportDiff.Between(Base, Head);

        Assert.Equal(["alerting", "logs", "platform"], diff.Capabilities.Select(c => c.Name).ToArray());
        var logs = diff.Capabilities.Single(c => c.Name == "logs");
        Assert.Equal((0, 2, 0, 2), (logs.InstancesBefore, logs.InstancesAfter, logs.DegreeBefore, logs.DegreeAfter));
        Assert.Empty(logs.ProvidersBefore);
        Assert.Equal(["aws", "scaleway"], logs.ProvidersAfter.ToArray());
        Assert.False(logs.LessResilient);
        Assert.DoesNotContain(diff.Introduced, v => v.Capability == "logs");
        Assert.False(diff.Capabilities.Single(c => c.Name == "platform").Changed);

        var reverse = ReportDiff.Between(Head, Base);
        Assert.True(reverse.Capabilities.Single(c => c.Name == "logs").LessResilient);
        Assert.Equal(["PL001", "PL002"], reverse.Introduced.Where(v => v.Capability == "alerting").Select(v => v.Rule).ToArray());
    }
}
