using CloudIam.Placement.Rules;
using CloudIam.Placement.Tests.Support;

namespace CloudIam.Placement.Tests.Rules;

public sealed class PL001MinProvidersTests
{
    private const string Policy = """
        capabilities:
          alerting: { critical: true }
          dashboards: { critical: false }
          platform: {}
        """;

    private static readonly PL001MinProviders Rule = new();

    [Fact]
    public void Single_provider_critical_capability_is_refused_and_pointed_at_the_other_provider()
    {
        var design = new TestDesign()
            .Add("alertmanager-a", r => r.Capability("alerting").OnScaleway("fr-par-1"))
            .Add("alertmanager-b", r => r.Capability("alerting").OnScaleway("fr-par-2"))
            .Add("eks", r => r.Capability("platform").OnAws());

        var violation = Assert.Single(Harness.Run(Rule, design, Policy));

        Assert.Equal("PL001", violation.Rule);
        Assert.Equal("alerting", violation.Capability);
        Assert.Equal(Severity.Error, violation.Severity);
        violation.HasDomains("scaleway");
        Assert.Equal("alerting runs only on scaleway (1 of 2 providers)", violation.Message);
        Assert.Equal("add one alerting instance on aws (eu-west-3)", violation.Suggestion);
    }

    [Fact]
    public void Same_capability_on_two_providers_passes()
    {
        var design = new TestDesign()
            .Add("alertmanager-scw", r => r.Capability("alerting").OnScaleway())
            .Add("alertmanager-aws", r => r.Capability("alerting").OnAws());

        Assert.Empty(Harness.Run(Rule, design, Policy));
    }

    [Fact]
    public void Capability_without_any_instance_is_refused()
    {
        var design = new TestDesign()
            .Add("kapsule", r => r.Capability("platform").OnScaleway())
            .Add("eks", r => r.Capability("platform").OnAws());

        var violation = Assert.Single(Harness.Run(Rule, design, Policy));

        Assert.Empty(violation.Domains);
        Assert.Contains("0 of the 2 providers", violation.Message, StringComparison.Ordinal);
        Assert.Equal("add one alerting instance on each of aws (eu-west-3) and scaleway (fr-par)", violation.Suggestion);
    }

    [Fact]
    public void Without_another_provider_in_the_design_the_suggestion_names_one_the_catalog_knows()
    {
        var design = new TestDesign().Add("alertmanager", r => r.Capability("alerting").OnScaleway());

        var violation = Assert.Single(Harness.Run(Rule, design, Policy));

        Assert.Equal("add one alerting instance on aws", violation.Suggestion);
    }

    [Fact]
    public void When_even_the_catalog_runs_out_the_suggestion_asks_for_a_new_provider()
    {
        const string policy = """
            defaults: { minProviders: 5 }
            capabilities:
              alerting: { critical: true }
            """;
        var design = new TestDesign().Add("alertmanager", r => r.Capability("alerting").OnScaleway());

        var violation = Assert.Single(Harness.Run(Rule, design, policy));

        Assert.Equal("add one alerting instance on each of aws, ovh and 2 more providers the design does not use yet", violation.Suggestion);
    }

    [Fact]
    public void Capability_override_of_min_providers_is_honoured_and_non_critical_ones_are_ignored()
    {
        const string policy = """
            defaults: { minProviders: 3 }
            capabilities:
              alerting: { critical: true, minProviders: 1 }
              dashboards: { critical: false }
            """;
        var design = new TestDesign()
            .Add("alertmanager", r => r.Capability("alerting").OnScaleway())
            .Add("grafana", r => r.Capability("dashboards").OnScaleway());

        Assert.Empty(Harness.Run(Rule, design, policy));
    }
}
