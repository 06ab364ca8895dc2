using CloudIam.Placement.Rules;
using CloudIam.Placement.Simulation;
using CloudIam.Placement.Tests.Support;

namespace CloudIam.Placement.Tests.Analysis;

/// <summary>
/// A capability goes down through what it depends on, not only with its own instances: over any number
/// of hops, and for observers as well, whose loss is what makes an outage go unseen.
/// </summary>
public sealed class TransitiveLossTests
{
    [Fact]
    public void An_observer_whose_instances_survive_is_lost_through_a_capability_it_depends_on()
    {
        const string policy = """
            capabilities:
              alerting: { critical: true, observes: [deployments], dependsOn: [rules] }
              rules: {}
              deployments: {}
            """;
        var design = new TestDesign()
            .Add("alertmanager-scw", r => r.Capability("alerting").OnScaleway())
            .Add("alertmanager-aws", r => r.Capability("alerting").OnAws())
            .Add("rules-scw", r => r.Capability("rules").OnScaleway())
            .Add("keycloak-scw", r => r.Capability("deployments").OnScaleway("fr-par-2"))
            .Add("keycloak-aws", r => r.Capability("deployments").OnAws());

        var violation = Assert.Single(Harness.Run(new PL004InvisibleOutage(), design, policy));
        Assert.Equal("alerting", violation.Capability);
        Assert.Contains("scaleway", violation.Domains);

        var analysis = Harness.Analyze(design, policy);
        var alerting = Assert.Single(SimulationReport.Simulate(analysis, analysis.Outage(["scaleway"], "--outage")).Capabilities, c => c.Name == "alerting");
        Assert.False(alerting.Up);
        Assert.Equal(1, alerting.After); // its own instance on aws survives
        Assert.Contains("rules", alerting.BrokenDependencies);
    }

    [Fact]
    public void The_same_observer_with_its_dependency_on_both_providers_sees_the_outage()
    {
        const string policy = """
            capabilities:
              alerting: { critical: true, observes: [deployments], dependsOn: [rules] }
              rules: {}
              deployments: {}
            """;
        var design = new TestDesign()
            .Add("alertmanager-scw", r => r.Capability("alerting").OnScaleway())
            .Add("alertmanager-aws", r => r.Capability("alerting").OnAws())
            .Add("rules-scw", r => r.Capability("rules").OnScaleway())
            .Add("rules-aws", r => r.Capability("rules").OnAws())
            .Add("keycloak-scw", r => r.Capability("deployments").OnScaleway("fr-par-2"))
            .Add("keycloak-aws", r => r.Capability("deployments").OnAws());

        Assert.Empty(Harness.Run(new PL004InvisibleOutage(), design, policy));
    }

    [Theory]
    [InlineData("scaleway", false)]
    [InlineData("aws", true)]
    public void A_chain_of_two_hops_takes_the_first_capability_down_when_only_the_last_fails(string outage, bool up)
    {
        const string policy = """
            capabilities:
              portal: { critical: true, dependsOn: [api] }
              api: { dependsOn: [database] }
              database: {}
            """;
        var analysis = Harness.Analyze(
            new TestDesign()
                .Add("portal-scw", r => r.Capability("portal").OnScaleway())
                .Add("portal-aws", r => r.Capability("portal").OnAws())
                .Add("api-scw", r => r.Capability("api").OnScaleway())
                .Add("api-aws", r => r.Capability("api").OnAws())
                .Add("db-scw", r => r.Capability("database").OnScaleway()),
            policy);

        var report = SimulationReport.Simulate(analysis, analysis.Outage([outage], "--outage"));

        Assert.Equal(up, Assert.Single(report.Capabilities, c => c.Name == "api").Up);
        Assert.Equal(up, Assert.Single(report.Capabilities, c => c.Name == "portal").Up);
        Assert.Equal(up, report.AllCriticalUp);
    }

    [Fact]
    public void A_chain_of_two_hops_is_a_transitive_break_of_the_first_capability()
    {
        const string policy = """
            capabilities:
              portal: { critical: true, dependsOn: [api] }
              api: { dependsOn: [database] }
              database: {}
            """;
        var design = new TestDesign()
            .Add("portal-scw", r => r.Capability("portal").OnScaleway())
            .Add("portal-aws", r => r.Capability("portal").OnAws())
            .Add("api-scw", r => r.Capability("api").OnScaleway())
            .Add("api-aws", r => r.Capability("api").OnAws())
            .Add("db-scw", r => r.Capability("database").OnScaleway());

        Assert.Contains(Harness.Run(new PL007TransitiveBreak(), design, policy), v => v.Capability == "portal");
    }
}
