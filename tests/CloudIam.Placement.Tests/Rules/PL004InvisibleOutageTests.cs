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

    private const string WatchingPolicy = """
        capabilities:
          status-page: { critical: true, observes: [deployments] }
          alerting: { critical: true, observes: [deployments] }
          deployments: { critical: false }
        """;

    /// <summary>Gatus and Alertmanager on both sides, a Scaleway deployment on its own private network.</summary>
    private static TestDesign BothSides() => new TestDesign()
        .Add("gatus-scw", r => r.Capability("status-page").OnScaleway())
        .Add("gatus-aws", r => r.Capability("status-page").OnAws())
        .Add("alertmanager-scw", r => r.Capability("alerting").OnScaleway())
        .Add("alertmanager-aws", r => r.Capability("alerting").OnAws())
        .Add("keycloak", r => r.Capability("deployments").On("scaleway", "fr-par").Network("pn-keycloak"))
        .Add("oncall", r => r.On("scaleway", "fr-par"))
        .Add("pager-saas");

    [Fact]
    public void A_deployment_probed_only_from_its_own_provider_fails_even_when_the_status_page_runs_on_both()
    {
        var design = BothSides().Probe("gatus-scw", "keycloak").Pages("alertmanager-aws", "pager-saas");

        var violation = Assert.Single(Harness.Run(Rule, design, WatchingPolicy));

        Assert.Equal("status-page", violation.Capability);
        Assert.Equal(Severity.Error, violation.Severity);
        Assert.Contains("scaleway/fr-par/svc:dhcp", violation.Domains);
        Assert.Equal(
            "every status-page instance probing keycloak (scaleway (fr-par)) shares a failure domain with it "
            + "(gatus-scw: scaleway down to scaleway/fr-par/svc:dhcp), so one outage takes down the deployment and what would see it",
            violation.Message);
        Assert.Equal("probe keycloak from a status-page instance on aws (eu-west-3)", violation.Suggestion);
    }

    [Fact]
    public void A_deployment_no_status_page_probes_fails_once_probes_are_in_the_design()
    {
        var design = BothSides()
            .Add("console", r => r.Capability("deployments").OnAws())
            .Probe("gatus-scw", "console")
            .Pages("alertmanager-aws", "pager-saas");

        var violation = Assert.Single(Harness.Run(Rule, design, WatchingPolicy), v => v.Message.Contains("keycloak", StringComparison.Ordinal));

        Assert.Equal("no status-page instance probes keycloak (scaleway (fr-par)), so its outage goes unseen", violation.Message);
    }

    [Fact]
    public void A_probe_from_the_other_provider_and_an_alert_path_off_the_deployments_provider_pass()
    {
        var design = BothSides().Probe("gatus-scw", "keycloak").Probe("gatus-aws", "keycloak").Pages("alertmanager-aws", "pager-saas");

        Assert.Empty(Harness.Run(Rule, design, WatchingPolicy));
    }

    [Fact]
    public void Every_alert_path_through_the_deployments_provider_fails_and_names_the_receiver_to_add()
    {
        var design = BothSides()
            .Probe("gatus-scw", "keycloak")
            .Probe("gatus-aws", "keycloak")
            .Pages("alertmanager-aws", "oncall")
            .Pages("alertmanager-scw", "pager-saas");

        var violation = Assert.Single(Harness.Run(Rule, design, WatchingPolicy));

        Assert.Equal("deployments", violation.Capability);
        Assert.Equal(
            "every alert path about keycloak (scaleway (fr-par)) runs through its failure domains "
            + "(alertmanager-aws -> oncall: scaleway down to scaleway/svc:iam, alertmanager-scw -> pager-saas: scaleway down to scaleway/fr-par/svc:dhcp), "
            + "so its outage pages nobody",
            violation.Message);
        Assert.Equal("add a receiver hosted off scaleway to the alert routes of alertmanager-aws", violation.Suggestion);
    }

    [Fact]
    public void A_probe_that_raises_its_own_alert_off_the_deployments_provider_is_enough()
    {
        var design = BothSides()
            .Probe("gatus-aws", "keycloak")
            .Pages("alertmanager-scw", "oncall")
            .Pages("gatus-aws", "pager-saas");

        Assert.Empty(Harness.Run(Rule, design, WatchingPolicy));
    }

    [Fact]
    public void Alerting_only_beside_the_deployment_asks_for_alerting_on_the_other_provider()
    {
        var design = BothSides().Probe("gatus-aws", "keycloak").Pages("alertmanager-scw", "pager-saas");

        var violation = Assert.Single(Harness.Run(Rule, design, WatchingPolicy));

        Assert.Equal("add alerting on aws (eu-west-3) that pages about keycloak through a receiver hosted off scaleway", violation.Suggestion);
    }
}
