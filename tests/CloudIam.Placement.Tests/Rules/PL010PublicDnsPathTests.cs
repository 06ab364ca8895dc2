using CloudIam.Placement.Rules;
using CloudIam.Placement.Tests.Support;

namespace CloudIam.Placement.Tests.Rules;

public sealed class PL010PublicDnsPathTests
{
    private const string Policy = """
        capabilities:
          status-page: { critical: true, publicHosts: [Status.Cloud-IAM.com., status-staging.cloud-iam.com] }
          dashboards: { critical: false, publicHosts: [grafana.cloud-iam.com] }
          platform: {}
        """;

    private static readonly PL010PublicDnsPath Rule = new();

    [Fact]
    public void A_status_page_on_two_clouds_whose_name_only_scaleway_dns_publishes_is_refused()
    {
        var design = TwoSites()
            .Add("status-scw-dns", r => r.On("scaleway").PublicHost("status.cloud-iam.com"))
            .Add("grafana-scw-dns", r => r.On("scaleway").PublicHost("grafana.cloud-iam.com"))
            .Add("grafana-route53", r => r.On("aws").PublicHost("grafana.cloud-iam.com"));

        var violation = Assert.Single(Harness.Run(Rule, design, Policy));

        Assert.Equal(("PL010", "status-page", Severity.Error), (violation.Rule, violation.Capability, violation.Severity));
        violation.HasDomains("scaleway");
        Assert.Equal(
            "status.cloud-iam.com is published only by scaleway DNS (1 of 2 providers): an outage of that DNS takes status-page off the internet while its instances are up",
            violation.Message);
        Assert.Equal("publish status.cloud-iam.com through the DNS of aws (eu-west-3) too, with health-checked records pointing at every site that serves it", violation.Suggestion);
    }

    [Fact]
    public void The_same_name_published_by_scaleway_dns_and_route53_passes()
    {
        var design = TwoSites()
            .Add("status-scw-dns", r => r.On("scaleway").PublicHost("status.cloud-iam.com"))
            .Add("status-route53-primary", r => r.On("aws").PublicHost("status.cloud-iam.com"))
            .Add("status-route53-secondary", r => r.On("aws").PublicHost("status.cloud-iam.com"))
            .Add("grafana-scw-dns", r => r.On("scaleway").PublicHost("grafana.cloud-iam.com"))
            .Add("grafana-route53", r => r.On("aws").PublicHost("grafana.cloud-iam.com"));

        Assert.Empty(Harness.Run(Rule, design, Policy));
    }

    [Fact]
    public void A_public_host_nothing_publishes_is_refused_and_a_non_critical_one_only_warned()
    {
        var design = TwoSites().Add("other-name", r => r.On("aws").PublicHost("www.cloud-iam.com"));

        var violations = Harness.Run(Rule, design, Policy);

        Assert.Equal([("dashboards", Severity.Warning), ("status-page", Severity.Error)], violations.Select(v => (v.Capability, v.Severity)).Order().ToArray());
        var status = violations.Single(v => v.Capability == "status-page");
        Assert.Empty(status.Domains);
        Assert.Equal("no DNS record publishes status.cloud-iam.com or status-staging.cloud-iam.com, so status-page cannot be reached by its public name", status.Message);
        Assert.Equal("publish status.cloud-iam.com through the DNS of aws (eu-west-3) and scaleway (fr-par), with health-checked records pointing at every site that serves it", status.Suggestion);
    }

    [Fact]
    public void A_record_whose_placement_is_unknown_does_not_count_as_a_dns_provider()
    {
        var design = TwoSites()
            .Add("status-scw-dns", r => r.On("scaleway").PublicHost("status.cloud-iam.com"))
            .Add("status-unplaced", r => r.PublicHost("status.cloud-iam.com"))
            .Add("grafana-scw-dns", r => r.On("scaleway").PublicHost("grafana.cloud-iam.com"))
            .Add("grafana-route53", r => r.On("aws").PublicHost("grafana.cloud-iam.com"));

        Assert.Equal("status-page", Assert.Single(Harness.Run(Rule, design, Policy)).Capability);
    }

    private static TestDesign TwoSites() => new TestDesign()
        .Add("gatus-scw", r => r.Capability("status-page").OnScaleway())
        .Add("gatus-aws", r => r.Capability("status-page").OnAws());
}
