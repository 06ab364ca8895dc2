using CloudIam.Placement.Rules;
using CloudIam.Placement.Tests.Support;

namespace CloudIam.Placement.Tests.Rules;

public sealed class PL002SingleDomainLossTests
{
    private const string Policy = """
        capabilities:
          metrics: { critical: true, minHealthy: 1 }
          platform: {}
        """;

    private static readonly PL002SingleDomainLoss Rule = new();

    [Fact]
    public void Two_zones_on_one_private_network_die_together_and_all_domains_of_that_effect_are_listed_once()
    {
        var design = new TestDesign()
            .Add("prom-a", r => r.Capability("metrics").OnScaleway("fr-par-1"))
            .Add("prom-b", r => r.Capability("metrics").OnScaleway("fr-par-2"))
            .Add("eks", r => r.Capability("platform").OnAws());

        // Each zone alone leaves one of two instances: fine. Everything they share kills both.
        var violation = Assert.Single(Harness.Run(Rule, design, Policy));

        Assert.Equal("PL002", violation.Rule);
        Assert.Equal("metrics", violation.Capability);
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
        Assert.StartsWith("losing scaleway/fr-par/svc:dhcp alone leaves metrics with 0 of 2 instances (minHealthy 1), as does losing scaleway, ", violation.Message, StringComparison.Ordinal);
        Assert.Equal("add one metrics instance on aws (eu-west-3)", violation.Suggestion);
    }

    [Fact]
    public void An_instance_on_a_second_provider_passes()
    {
        var design = new TestDesign()
            .Add("prom-a", r => r.Capability("metrics").OnScaleway("fr-par-1"))
            .Add("prom-b", r => r.Capability("metrics").OnScaleway("fr-par-2"))
            .Add("prom-aws", r => r.Capability("metrics").OnAws());

        Assert.Empty(Harness.Run(Rule, design, Policy));
    }

    [Fact]
    public void Min_healthy_two_over_two_providers_fails_per_provider_and_asks_for_more_on_the_survivor()
    {
        const string policy = "capabilities:\n  metrics: { critical: true, minHealthy: 2 }\n";
        var design = new TestDesign()
            .Add("prom-scw", r => r.Capability("metrics").On("scaleway", "fr-par"))
            .Add("prom-aws", r => r.Capability("metrics").On("aws", "eu-west-3"));

        var violations = Harness.Run(Rule, design, policy);

        Assert.Equal(2, violations.Length);
        var scaleway = Assert.Single(violations, v => v.Domains.Contains("scaleway"));
        scaleway.HasDomains("scaleway", "scaleway/fr-par", "scaleway/svc:iam");
        Assert.Equal("losing scaleway/svc:iam alone leaves metrics with 1 of 2 instances (minHealthy 2), as does losing scaleway or scaleway/fr-par", scaleway.Message);
        Assert.Equal("add one metrics instance on aws (eu-west-3)", scaleway.Suggestion);
    }

    [Fact]
    public void Only_domain_kinds_the_capability_must_survive_count()
    {
        const string policy = "capabilities:\n  metrics: { critical: true, survive: [zone] }\n";
        var design = new TestDesign()
            .Add("prom-a", r => r.Capability("metrics").OnScaleway("fr-par-1"))
            .Add("prom-b", r => r.Capability("metrics").OnScaleway("fr-par-1"))
            .Add("prom-c", r => r.Capability("metrics").OnScaleway("fr-par-2"));

        // Both zones hold an instance, so no single zone breaks it; provider and network losses are not asked for.
        Assert.Empty(Harness.Run(Rule, design, policy));

        var oneZone = new TestDesign()
            .Add("prom-a", r => r.Capability("metrics").OnScaleway("fr-par-1"))
            .Add("prom-b", r => r.Capability("metrics").OnScaleway("fr-par-1"));
        Assert.Single(Harness.Run(Rule, oneZone, policy)).HasDomains("scaleway/fr-par-1");
    }
}
