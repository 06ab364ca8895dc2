using CloudIam.Placement.Rules;
using CloudIam.Placement.Tests.Support;

namespace CloudIam.Placement.Tests.Rules;

public sealed class PL007TransitiveBreakTests
{
    private static readonly PL007TransitiveBreak Rule = new();

    private static string Policy(bool dashboardsCritical) => $$"""
        capabilities:
          metrics: { critical: true }
          dashboards: { critical: {{(dashboardsCritical ? "true" : "false")}}, dependsOn: [metrics] }
          platform: {}
        """;

    private static TestDesign DashboardsOnBothProviders() => new TestDesign()
        .Add("grafana-scw", r => r.Capability("dashboards").On("scaleway", "fr-par"))
        .Add("grafana-aws", r => r.Capability("dashboards").On("aws", "eu-west-3"));

    [Fact]
    public void Dashboards_on_both_providers_still_break_with_single_provider_metrics()
    {
        var design = DashboardsOnBothProviders().Add("prom-scw", r => r.Capability("metrics").On("scaleway", "fr-par"));

        var violation = Assert.Single(Harness.Run(Rule, design, Policy(dashboardsCritical: true)));

        Assert.Equal("PL007", violation.Rule);
        Assert.Equal("dashboards", violation.Capability);
        Assert.Equal(Severity.Error, violation.Severity);
        violation.HasDomains("scaleway", "scaleway/fr-par", "scaleway/svc:iam");
        Assert.Equal(
            "losing scaleway/svc:iam leaves the dashboards instances up but breaks dashboards through metrics, as does losing scaleway or scaleway/fr-par",
            violation.Message);
        Assert.Equal("add one metrics instance on aws (eu-west-3)", violation.Suggestion);
    }

    [Fact]
    public void Metrics_on_both_providers_keep_the_dashboards_working()
    {
        var design = DashboardsOnBothProviders()
            .Add("prom-scw", r => r.Capability("metrics").On("scaleway", "fr-par"))
            .Add("prom-aws", r => r.Capability("metrics").On("aws", "eu-west-3"));

        Assert.Empty(Harness.Run(Rule, design, Policy(dashboardsCritical: true)));
    }

    [Fact]
    public void A_non_critical_dependant_only_warns()
    {
        var design = DashboardsOnBothProviders().Add("prom-scw", r => r.Capability("metrics").On("scaleway", "fr-par"));

        Assert.Equal(Severity.Warning, Assert.Single(Harness.Run(Rule, design, Policy(dashboardsCritical: false))).Severity);
    }

    [Fact]
    public void An_aws_instance_that_stores_its_data_on_scaleway_dies_with_scaleway()
    {
        var design = new TestDesign()
            .Add("prom-scw", r => r.Capability("metrics").On("scaleway", "fr-par"))
            .Add("prom-aws", r => r.Capability("metrics").On("aws", "eu-west-3").DependsOn("bucket-scw"))
            .Add("bucket-scw", r => r.Capability("platform").On("scaleway", "fr-par"));

        var violation = Assert.Single(Harness.Run(Rule, design, Policy(dashboardsCritical: false)));

        Assert.Equal("metrics", violation.Capability);
        Assert.Equal(Severity.Error, violation.Severity);
        violation.HasDomains("scaleway", "scaleway/fr-par", "scaleway/svc:iam");
        Assert.Equal(
            $"losing scaleway/svc:iam takes down one metrics instance placed outside it ({TestDesign.UrnOf("prom-aws")}) through a resource it depends on, "
            + "leaving 0 of 2, as does losing scaleway or scaleway/fr-par",
            violation.Message);
        Assert.Equal("move what prom-aws depends on to aws (eu-west-3), where it runs, or drop that dependency", violation.Suggestion);
    }

    [Fact]
    public void An_aws_instance_that_stores_its_data_on_aws_is_independent_of_scaleway()
    {
        var design = new TestDesign()
            .Add("prom-scw", r => r.Capability("metrics").On("scaleway", "fr-par"))
            .Add("prom-aws", r => r.Capability("metrics").On("aws", "eu-west-3").DependsOn("bucket-aws"))
            .Add("bucket-aws", r => r.Capability("platform").On("aws", "eu-west-3"));

        Assert.Empty(Harness.Run(Rule, design, Policy(dashboardsCritical: false)));
    }
}
