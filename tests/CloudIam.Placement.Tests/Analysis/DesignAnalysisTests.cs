using CloudIam.Placement.Domains;
using CloudIam.Placement.Tests.Support;

namespace CloudIam.Placement.Tests.Analysis;

/// <summary>The parts of the analysis engine the rules and the report rely on.</summary>
public sealed class DesignAnalysisTests
{
    private const string Policy = """
        capabilities:
          metrics: { critical: true }
          dashboards: { dependsOn: [metrics] }
          vault: { critical: true, quorum: majority }
          platform: {}
        """;

    [Fact]
    public void A_single_provider_capability_has_degree_one_with_the_provider_as_witness()
    {
        var analysis = Harness.Analyze(
            new TestDesign()
                .Add("prom-a", r => r.Capability("metrics").OnScaleway("fr-par-1"))
                .Add("prom-b", r => r.Capability("metrics").OnScaleway("fr-par-2")),
            Policy);

        var resilience = analysis.Resilience("metrics");

        Assert.Equal(1, resilience.Degree);
        Assert.Equal(["scaleway"], resilience.Witness.ToArray());
        Assert.Null(resilience.Through);
    }

    [Fact]
    public void A_two_provider_capability_has_degree_two_with_both_providers_as_witness()
    {
        var analysis = Harness.Analyze(
            new TestDesign()
                .Add("prom-scw", r => r.Capability("metrics").OnScaleway())
                .Add("prom-aws", r => r.Capability("metrics").OnAws()),
            Policy);

        var resilience = analysis.Resilience("metrics");

        Assert.Equal(2, resilience.Degree);
        Assert.Equal(["aws", "scaleway"], resilience.Witness.ToArray());
    }

    [Fact]
    public void A_dependency_that_breaks_sooner_sets_the_degree_and_is_named_as_through()
    {
        var analysis = Harness.Analyze(
            new TestDesign()
                .Add("grafana-scw", r => r.Capability("dashboards").OnScaleway())
                .Add("grafana-aws", r => r.Capability("dashboards").OnAws())
                .Add("prom-scw", r => r.Capability("metrics").OnScaleway()),
            Policy);

        var resilience = analysis.Resilience("dashboards");

        Assert.Equal(1, resilience.Degree);
        Assert.Equal("metrics", resilience.Through);
        Assert.Equal(["scaleway"], resilience.Witness.ToArray());
    }

    [Fact]
    public void Quorum_counts_the_majority_not_a_single_survivor()
    {
        var twoPlusOne = Harness.Analyze(
            new TestDesign()
                .Add("vault-0", r => r.Capability("vault").On("scaleway", "fr-par", "fr-par-1"))
                .Add("vault-1", r => r.Capability("vault").On("scaleway", "fr-par", "fr-par-2"))
                .Add("vault-2", r => r.Capability("vault").On("aws", "eu-west-3")),
            Policy);
        var oneEach = Harness.Analyze(
            new TestDesign()
                .Add("vault-0", r => r.Capability("vault").On("scaleway", "fr-par"))
                .Add("vault-1", r => r.Capability("vault").On("aws", "eu-west-3"))
                .Add("vault-2", r => r.Capability("vault").On("gcp", "europe-west9")),
            Policy);

        Assert.Equal(1, twoPlusOne.Resilience("vault").Degree);
        Assert.False(twoPlusOne.Evaluate("vault", twoPlusOne.Outage(["scaleway"], "test")).OwnUp);
        Assert.True(twoPlusOne.Evaluate("vault", twoPlusOne.Outage(["aws"], "test")).OwnUp);
        Assert.Equal(2, oneEach.Resilience("vault").Degree);
    }

    [Fact]
    public void Effective_domains_include_those_of_dependencies_transitively_and_own_domains_do_not()
    {
        var analysis = Harness.Analyze(
            new TestDesign()
                .Add("prom-aws", r => r.Capability("metrics").On("aws", "eu-west-3").DependsOn("remote-write"))
                .Add("remote-write", r => r.Capability("platform").On("aws", "eu-west-3").DependsOn("bucket-scw"))
                .Add("bucket-scw", r => r.Capability("platform").On("scaleway", "fr-par")),
            Policy);

        var instance = Assert.Single(analysis.Capabilities["metrics"].Instances);

        Assert.Equal(["aws", "scaleway", "aws/eu-west-3", "scaleway/fr-par", "aws/svc:iam", "scaleway/svc:iam"], instance.Domains.Select(d => d.Id).ToArray());
        Assert.Equal(["aws", "aws/eu-west-3", "aws/svc:iam"], instance.OwnDomains.Select(d => d.Id).ToArray());
        Assert.Equal(0, analysis.Evaluate("metrics", analysis.Outage(["scaleway/fr-par"], "test")).InstancesAfter);
    }

    [Fact]
    public void A_regional_resource_over_subnets_in_two_zones_does_not_inherit_their_zones_but_a_zonal_one_does()
    {
        var analysis = Harness.Analyze(
            new TestDesign()
                .Add("eks", r => r.Capability("metrics").On("aws", "eu-west-3").DependsOn("subnet-a", "subnet-b"))
                .Add("bastion", r => r.Capability("metrics").On("aws", "eu-west-3", "eu-west-3a").DependsOn("subnet-b"))
                .Add("subnet-a", r => r.Capability("platform").On("aws", "eu-west-3", "eu-west-3a"))
                .Add("subnet-b", r => r.Capability("platform").On("aws", "eu-west-3", "eu-west-3b")),
            Policy);

        var byName = analysis.Capabilities["metrics"].Instances.ToDictionary(i => i.Resource.Name);

        Assert.DoesNotContain(byName["eks"].Domains, d => d.Kind == DomainKind.Zone);
        Assert.Equal(["aws/eu-west-3a", "aws/eu-west-3b"], byName["bastion"].Domains.Where(d => d.Kind == DomainKind.Zone).Select(d => d.Id));
        Assert.Equal(1, analysis.Evaluate("metrics", analysis.Outage(["aws/eu-west-3b"], "test")).InstancesAfter);
    }

    [Fact]
    public void An_outage_of_an_unknown_domain_is_bad_input_with_a_hint()
    {
        var analysis = Harness.Analyze(new TestDesign().Add("prom", r => r.Capability("metrics").OnScaleway()), Policy);

        var error = Assert.Throws<BadInputException>(() => analysis.Outage(["scalway/fr-par"], "--outage"));

        Assert.Equal("--outage", error.Source);
        Assert.Contains("unknown failure domain 'scalway/fr-par'", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_well_formed_domain_the_design_does_not_use_changes_nothing()
    {
        var analysis = Harness.Analyze(new TestDesign().Add("prom", r => r.Capability("metrics").OnScaleway()), Policy);

        var outage = analysis.Outage(["aws/us-east-1"], "--outage");

        Assert.Empty(outage.Domains);
        Assert.Equal(["aws/us-east-1"], outage.OutsideDesign.ToArray());
        Assert.True(analysis.Evaluate("metrics", outage).Up);
    }
}
