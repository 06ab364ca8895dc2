using CloudIam.Placement.Rules;
using CloudIam.Placement.Tests.Support;

namespace CloudIam.Placement.Tests.Rules;

public sealed class PL006CapacityAfterLossTests
{
    private const string Policy = """
        capabilities:
          ci-runners: { critical: true, capacity: { property: values.concurrent, minAfterLoss: 8 } }
        """;

    private static readonly PL006CapacityAfterLoss Rule = new();

    [Fact]
    public void A_small_aws_runner_cannot_carry_the_load_when_scaleway_is_lost()
    {
        var design = new TestDesign()
            .Add("runner-scw", r => r.Capability("ci-runners").On("scaleway", "fr-par").Property("values.concurrent", 10))
            .Add("runner-aws", r => r.Capability("ci-runners").On("aws", "eu-west-3").Property("values.concurrent", 4));

        var violation = Assert.Single(Harness.Run(Rule, design, Policy));

        Assert.Equal("PL006", violation.Rule);
        Assert.Equal("ci-runners", violation.Capability);
        Assert.Equal(Severity.Error, violation.Severity);
        violation.HasDomains("scaleway", "scaleway/fr-par", "scaleway/svc:iam");
        Assert.Equal(
            "losing scaleway/svc:iam alone leaves ci-runners with values.concurrent 4 of 14 (minAfterLoss 8), as does losing scaleway or scaleway/fr-par",
            violation.Message);
        Assert.StartsWith("add one ci-runners instance on aws (eu-west-3) with values.concurrent: 4", violation.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void Eight_slots_on_each_side_pass()
    {
        var design = new TestDesign()
            .Add("runner-scw", r => r.Capability("ci-runners").On("scaleway", "fr-par").Property("values.concurrent", 10))
            .Add("runner-aws", r => r.Capability("ci-runners").On("aws", "eu-west-3").Property("values.concurrent", 8));

        Assert.Empty(Harness.Run(Rule, design, Policy));
    }

    [Fact]
    public void A_runner_without_the_property_counts_as_one()
    {
        var design = new TestDesign()
            .Add("runner-scw", r => r.Capability("ci-runners").On("scaleway", "fr-par").Property("values.concurrent", 8))
            .Add("runner-aws", r => r.Capability("ci-runners").On("aws", "eu-west-3"));

        Assert.Contains("values.concurrent 1 of 9", Assert.Single(Harness.Run(Rule, design, Policy)).Message, StringComparison.Ordinal);
    }
}
