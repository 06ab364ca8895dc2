using CloudIam.Placement.Analysis;
using CloudIam.Placement.Design;
using CloudIam.Placement.Rules;
using CloudIam.Placement.Tests.Support;

namespace CloudIam.Placement.Tests.Rules;

public sealed class PL011TimeToPageTests
{
    private const string Policy = """
        capabilities:
          alerting: { critical: true }
          status-page: { critical: true }
        budgets: { page: 5m, publicStatus: 5m }
        """;

    private static readonly PL011TimeToPage Rule = new();

    [Fact]
    public void A_slow_alert_fails_naming_the_setting_that_costs_most()
    {
        var violation = Assert.Single(Run(Page("scw-par", forSeconds: 300)));

        Assert.Equal("PL011", violation.Rule);
        Assert.Equal("alerting", violation.Capability);
        Assert.Equal(Severity.Error, violation.Severity);
        Assert.Equal(
            "on scw-par-alertmanager -> oncall, a failing deployment reaches the on-call's pager after up to 7m30s, over the budget of 5m; "
            + "the costliest setting is DeploymentDown for: (5m)",
            violation.Message);
        Assert.Equal("lower DeploymentDown for: (on scw-par-alertmanager -> oncall) to at most 2m30s", violation.Suggestion);
    }

    [Fact]
    public void A_path_within_budget_passes_and_exactly_at_budget_too()
    {
        Assert.Empty(Run(Page("scw-par", forSeconds: 120)));
        Assert.Empty(Run(Page("scw-par", forSeconds: 150)));
        Assert.Single(Run(Page("scw-par", forSeconds: 151)));
    }

    [Fact]
    public void Each_site_and_target_is_judged_on_its_own()
    {
        var status = new AlertPath
        {
            Name = "aws-par-gatus -> public status page",
            From = "aws-par-gatus",
            Through = ["aws-par-gatus"],
            Target = AlertTarget.PublicStatus,
            Capability = "status-page",
            Steps = [new AlertPathStep("gatus interval", TimeSpan.FromMinutes(10))],
        };

        var violations = Run(Page("scw-par", forSeconds: 60), Page("aws-par", forSeconds: 600), status);

        Assert.Equal(["alerting", "status-page"], violations.Select(v => v.Capability));
        Assert.All(violations, v => Assert.StartsWith("on aws-par", v.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_budget_nothing_is_judged()
    {
        var analysis = DesignAnalysis.Build(
            new TestDesign().Build() with { AlertPaths = [Page("scw-par", forSeconds: 3600)] },
            Harness.Policy("capabilities: { alerting: { critical: true } }"), Harness.Services);

        Assert.Empty(Harness.Run(Rule, analysis));
    }

    [Theory]
    [InlineData("page: 5", "budgets.page")]
    [InlineData("page: 5 minutes", "budgets.page")]
    [InlineData("pager: 5m", "pager")]
    public void A_malformed_budget_is_bad_input_with_its_line(string budget, string named)
    {
        var error = Assert.Throws<BadInputException>(() => Harness.Policy($"capabilities: {{ alerting: {{}} }}\nbudgets: {{ {budget} }}\n"));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    private static AlertPath Page(string site, int forSeconds) => new()
    {
        Name = $"{site}-alertmanager -> oncall",
        From = $"{site}-alertmanager",
        Through = [$"{site}-alertmanager", "oncall"],
        Target = AlertTarget.Page,
        Capability = "alerting",
        Steps =
        [
            new AlertPathStep("gatus interval", TimeSpan.FromSeconds(60)),
            new AlertPathStep("prometheus scrapeInterval", TimeSpan.FromSeconds(30)),
            new AlertPathStep("prometheus evaluationInterval", TimeSpan.FromSeconds(30)),
            new AlertPathStep("DeploymentDown for:", TimeSpan.FromSeconds(forSeconds)),
            new AlertPathStep("alertmanager group_wait", TimeSpan.FromSeconds(30)),
        ],
    };

    private static System.Collections.Immutable.ImmutableArray<Violation> Run(params AlertPath[] paths) =>
        Harness.Run(Rule, DesignAnalysis.Build(new TestDesign().Build() with { AlertPaths = [.. paths] }, Harness.Policy(Policy), Harness.Services));
}
