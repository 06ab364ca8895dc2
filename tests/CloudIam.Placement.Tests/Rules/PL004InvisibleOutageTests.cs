using CloudIam.Placement.Rules;
using CloudIam.Placement.Tests.Support;

namespace CloudIam.Placement.Tests.Rules;

public sealed class PL004InvisibleOutageTests
{
    private const string Policy = """
        capabilities:
          alerting: { critical: true, observes: [deployments] }
          deployments: { critical: false }
        """;

    private static readonly PL004InvisibleOutage Rule = new();

    [Fact]
    public void Alerting_only_next_to_the_deployments_it_watches_hides_their_outage()
    {
        var design = new TestDesign()
            .Add("alertmanager", r => r.Capability("alerting").OnScaleway())
            .Add("keycloak-scw", r => r.Capability("deployments").OnScaleway("fr-par-2"))
            .Add("keycloak-aws", r => r.Capability("deployments").OnAws());

        var violation = Assert.Single(Harness.Run(Rule, design, Policy));

        Assert.Equal("PL004", violation.Rule);
        Assert.Equal("alerting", violation.Capability);
        Assert.Equal(Severity.Error, violation.Severity);
        violation.HasDomains(
            "scaleway",
            "scaleway/fr-par",
            "scaleway/fr-par/net:pn-tooling",
            "scaleway/fr-par/svc:dhcp",
            "scaleway/fr-par/svc:kapsule-control-plane",
            "scaleway/fr-par/svc:private-dns",
            "scaleway/fr-par/svc:public-gateway",
            "scaleway/svc:iam");
        Assert.StartsWith("losing scaleway/fr-par/svc:dhcp takes down alerting together with 1 of 2 deployments instances, so that outage goes unseen", violation.Message, StringComparison.Ordinal);
        Assert.Equal("add one alerting instance on aws (eu-west-3)", violation.Suggestion);
    }

    [Fact]
    public void Alerting_on_both_providers_sees_either_side_fail()
    {
        var design = new TestDesign()
            .Add("alertmanager-scw", r => r.Capability("alerting").OnScaleway())
            .Add("alertmanager-aws", r => r.Capability("alerting").OnAws())
            .Add("keycloak-scw", r => r.Capability("deployments").OnScaleway("fr-par-2"))
            .Add("keycloak-aws", r => r.Capability("deployments").OnAws());

        Assert.Empty(Harness.Run(Rule, design, Policy));
    }

    [Fact]
    public void An_observer_lost_where_nothing_it_watches_is_lost_is_not_this_rule()
    {
        var design = new TestDesign()
            .Add("alertmanager", r => r.Capability("alerting").OnAws())
            .Add("keycloak", r => r.Capability("deployments").OnScaleway());

        Assert.Empty(Harness.Run(Rule, design, Policy));
    }

    [Fact]
    public void A_non_critical_observer_only_warns()
    {
        const string policy = """
            capabilities:
              dashboards: { observes: [deployments] }
              deployments: {}
            """;
        var design = new TestDesign()
            .Add("grafana", r => r.Capability("dashboards").OnScaleway())
            .Add("keycloak", r => r.Capability("deployments").OnScaleway());

        Assert.All(Harness.Run(Rule, design, policy), v => Assert.Equal(Severity.Warning, v.Severity));
        Assert.NotEmpty(Harness.Run(Rule, design, policy));
    }
}
