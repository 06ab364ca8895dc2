using CloudIam.Placement.Rules;
using CloudIam.Placement.Tests.Support;

namespace CloudIam.Placement.Tests.Rules;

public sealed class PL003QuorumMajorityTests
{
    private const string Policy = """
        capabilities:
          vault: { critical: true, quorum: majority }
          platform: {}
        """;

    private static readonly PL003QuorumMajority Rule = new();

    [Fact]
    public void Two_plus_one_over_two_providers_loses_the_majority_with_the_two_side()
    {
        var design = new TestDesign()
            .Add("vault-0", r => r.Capability("vault").On("scaleway", "fr-par", "fr-par-1"))
            .Add("vault-1", r => r.Capability("vault").On("scaleway", "fr-par", "fr-par-2"))
            .Add("vault-2", r => r.Capability("vault").On("aws", "eu-west-3", "eu-west-3a"))
            .Add("gke", r => r.Capability("platform").On("gcp", "europe-west9"));

        var violation = Assert.Single(Harness.Run(Rule, design, Policy));

        Assert.Equal("PL003", violation.Rule);
        Assert.Equal("vault", violation.Capability);
        Assert.Equal(Severity.Error, violation.Severity);
        violation.HasDomains("scaleway", "scaleway/fr-par", "scaleway/svc:iam");
        Assert.Equal(
            "losing scaleway/svc:iam alone leaves vault with 1 of 3 nodes, no majority (needs 2), as does losing scaleway or scaleway/fr-par",
            violation.Message);
        Assert.Equal("add 2 vault instances on gcp (europe-west9) so that no single domain holds half of the nodes", violation.Suggestion);
    }

    [Fact]
    public void One_node_per_provider_over_three_providers_keeps_a_majority()
    {
        var design = new TestDesign()
            .Add("vault-0", r => r.Capability("vault").On("scaleway", "fr-par", "fr-par-1"))
            .Add("vault-1", r => r.Capability("vault").On("aws", "eu-west-3", "eu-west-3a"))
            .Add("vault-2", r => r.Capability("vault").On("gcp", "europe-west9", "europe-west9-a"));

        Assert.Empty(Harness.Run(Rule, design, Policy));
    }

    [Fact]
    public void Without_a_third_provider_in_the_design_the_suggestion_names_the_catalogs_third()
    {
        var design = new TestDesign()
            .Add("vault-0", r => r.Capability("vault").On("scaleway", "fr-par"))
            .Add("vault-1", r => r.Capability("vault").On("aws", "eu-west-3"));

        // 1+1: losing either side leaves one of two, which is not a majority.
        var violations = Harness.Run(Rule, design, Policy);

        Assert.Equal(2, violations.Length);
        Assert.All(violations, v => Assert.StartsWith("add one vault instance on ovh", v.Suggestion, StringComparison.Ordinal));
    }
}
