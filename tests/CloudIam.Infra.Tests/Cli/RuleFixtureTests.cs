using System.Text.Json;
using CloudIam.Pulumi.Providers;

namespace CloudIam.Infra.Tests.Cli;

/// <summary>
/// What PL003, PL004, PL008 and PL009 report on the export fixtures made for them: the domains,
/// messages and suggestions a person acts on, not only that the rule fired.
/// </summary>
public sealed class RuleFixtureTests
{
    private const string WithVault = "policies/with-vault.yaml";
    private const string Blackbox = "urn:pulumi:prod::cloudiam-infra::kubernetes:helm.sh/v3:Release::blackbox-exporter";

    [Fact]
    public void PL003_vault_with_two_of_three_nodes_on_Scaleway_loses_its_majority_with_Scaleway()
    {
        var report = CheckReport.Of("exports/vault-two-providers.json", WithVault);

        Assert.Equal(1, report.ExitCode);
        // The vault releases are the only change from the healthy export, so they are all that fails.
        var violation = Assert.Single(report.Violations);
        Assert.Equal(("PL003", "vault", "error"), (violation.Rule, violation.Capability, violation.Severity));
        Assert.Contains("scaleway", violation.Domains);
        Assert.Contains("scaleway/fr-par/net:scw-pn", violation.Domains);
        Assert.Contains("scaleway/fr-par/svc:dhcp", violation.Domains);
        // Losing AWS leaves 2 of 3, a majority: no AWS domain is to blame.
        Assert.DoesNotContain(violation.Domains, d => d.StartsWith("aws", StringComparison.Ordinal));
        Assert.Contains("1 of 3 nodes, no majority (needs 2)", violation.Message, StringComparison.Ordinal);
        // Two more nodes outside Scaleway and AWS (2+1+2) keep a majority whichever side fails; the design
        // uses no third provider, so the suggestion names the first other one the provider catalog knows (today
        // ovh, from ovhcloud.yaml; read from the catalog so that a provider file added later changes no test).
        var third = ProviderCatalog.Shipped.Services.Providers.First(p => p is not "aws" and not "scaleway");
        Assert.StartsWith($"add 2 vault instances on {third} so that", violation.Suggestion, StringComparison.Ordinal);

        var vault = report.Capability("vault");
        Assert.Equal(["aws", "scaleway"], vault.Providers);
        Assert.Equal(3, vault.Instances.Count);
        Assert.Equal(1, vault.Resilience.Degree);
        Assert.Equal(["scaleway"], vault.Resilience.Witness);
    }

    [Fact]
    public void PL003_a_second_AWS_region_is_no_third_failure_domain_because_both_share_aws_and_its_global_IAM()
    {
        var report = CheckReport.Of("exports/vault-two-aws-regions.json", WithVault);

        Assert.Equal(1, report.ExitCode);
        var violation = Assert.Single(report.Violations);
        Assert.Equal(("PL003", "vault", "error"), (violation.Rule, violation.Capability, violation.Severity));
        // Either region alone leaves 2 of 3; only what the two regions share breaks the quorum.
        Assert.Equal(["aws", "aws/svc:iam"], violation.Domains);
        Assert.Contains("1 of 3 nodes", violation.Message, StringComparison.Ordinal);
        Assert.Equal(["eu-central-1", "eu-west-3", "fr-par"], report.Capability("vault").Instances.Select(i => i.Region).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PL003_one_vault_node_on_each_of_three_providers_keeps_a_majority_after_any_single_loss()
    {
        var report = CheckReport.Of("exports/vault-three-providers.json", WithVault);

        Assert.Equal(0, report.ExitCode);
        Assert.Empty(report.Violations);
        var vault = report.Capability("vault");
        Assert.Equal(["aws", "ovh", "scaleway"], vault.Providers);
        // The OVHcloud node is placed through its Kubernetes provider's kubeconfig, like Kapsule and EKS ones.
        Assert.Contains(vault.Instances, i => i.Urn.EndsWith("::ovh-vault-0", StringComparison.Ordinal) && i.Provider == "ovh" && i.Region == "GRA9");
        Assert.Equal(2, vault.Resilience.Degree);
    }

    [Fact]
    public void PL004_a_status_page_on_the_customers_private_network_goes_down_unseen_with_them()
    {
        var report = CheckReport.Of("exports/status-page-beside-deployments.json");

        Assert.Equal(1, report.ExitCode);
        var violation = Assert.Single(report.Violations, v => v.Rule == "PL004");
        Assert.Equal(("status-page", "error"), (violation.Capability, violation.Severity));
        // The 2026 incident's domains: the private network, its DHCP and its internal DNS.
        Assert.Contains("scaleway/fr-par/net:scw-pn", violation.Domains);
        Assert.Contains("scaleway/fr-par/svc:dhcp", violation.Domains);
        Assert.Contains("scaleway/fr-par/svc:private-dns", violation.Domains);
        Assert.Contains("together with 1 of 1 deployments instances", violation.Message, StringComparison.Ordinal);
        Assert.Equal("add one status-page instance on aws (eu-west-3)", violation.Suggestion);
        // Alerting also observes the deployments but runs on both providers: only the status page is at fault.
        Assert.All(report.Violations, v => Assert.Equal("status-page", v.Capability));

        var deployments = Assert.Single(report.Capability("deployments").Instances);
        Assert.EndsWith("::customer-keycloak-eu-1", deployments.Urn, StringComparison.Ordinal);
        Assert.Contains("scaleway/fr-par/net:scw-pn", deployments.Domains);
    }

    [Theory]
    [InlineData("exports/status-page-beside-deployments.json", 1, false)]
    [InlineData("exports/deployments-watched-from-both-providers.json", 0, true)]
    public void PL004_replaying_the_incident_takes_the_customer_cluster_down_and_the_status_page_only_when_it_shares_the_network(
        string export, int exit, bool statusPageUp)
    {
        var result = CliHarness.Run(
            "simulate", "--state", CliHarness.Fixture(export),
            "--scenario", CliHarness.RepoFile("scenarios/2026-scaleway-private-network-dns.yaml"), "--format", "json");

        Assert.Equal(exit, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var capabilities = json.RootElement.GetProperty("capabilities").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal((1, 0), (capabilities["deployments"].GetProperty("before").GetInt32(), capabilities["deployments"].GetProperty("after").GetInt32()));
        Assert.Equal(statusPageUp, capabilities["status-page"].GetProperty("up").GetBoolean());
    }

    [Fact]
    public void PL008_a_critical_Helm_release_on_the_ambient_default_Kubernetes_provider_is_named_by_its_urn()
    {
        var report = CheckReport.Of("exports/unplaced-helm-release.json");

        Assert.Equal(1, report.ExitCode);
        var violation = Assert.Single(report.Violations);
        Assert.Equal(("PL008", "metrics", "error"), (violation.Rule, violation.Capability, violation.Severity));
        Assert.Empty(violation.Domains);
        Assert.Contains(Blackbox, violation.Message, StringComparison.Ordinal);
        Assert.Contains("give blackbox-exporter", violation.Suggestion, StringComparison.Ordinal);
        Assert.Contains("a Kubernetes provider bound to a cluster of this program", violation.Suggestion, StringComparison.Ordinal);
        // An unplaced instance is not counted on any provider.
        Assert.Equal(["aws", "scaleway"], report.Capability("metrics").Providers);
    }

    [Fact]
    public void PL008_the_same_release_bound_to_the_Kapsule_provider_runs_on_the_Kapsule_cluster()
    {
        var report = CheckReport.Of("exports/placed-helm-release.json");

        var blackbox = Assert.Single(report.Capability("metrics").Instances, i => i.Urn == Blackbox);
        Assert.Equal(("scaleway", "fr-par"), (blackbox.Provider, blackbox.Region));
        // It inherits the cluster's private network, so the incident's domains reach it.
        Assert.Contains("scaleway/fr-par/net:scw-pn", blackbox.Domains);
    }

    [Fact]
    public void PL009_stale_suppressions_are_three_warnings_and_the_healthy_export_still_passes()
    {
        var report = CheckReport.Of("exports/healthy-two-provider.json", "policies/stale-suppressions.yaml");

        Assert.Equal(0, report.ExitCode);
        Assert.Equal("pass", report.Verdict);
        Assert.Empty(report.Suppressed);
        Assert.All(report.Violations, v => Assert.Equal(("PL009", "warning"), (v.Rule, v.Severity)));
        Assert.All(report.Violations, v => Assert.Empty(v.Domains));
        var byCapability = report.Violations.ToDictionary(v => v.Capability);
        Assert.Equal(["ci-runners", "dashboards", "status-page"], byCapability.Keys.Order(StringComparer.Ordinal));

        Assert.Contains("at line 89 expired on 2026-06-30", byCapability["dashboards"].Message, StringComparison.Ordinal);
        Assert.Contains("renew 'expires'", byCapability["dashboards"].Suggestion, StringComparison.Ordinal);
        Assert.Contains("at line 94 has no reason", byCapability["status-page"].Message, StringComparison.Ordinal);
        Assert.StartsWith("add a 'reason'", byCapability["status-page"].Suggestion, StringComparison.Ordinal);
        Assert.Contains("at line 98 names the unknown rule 'PL06'", byCapability["ci-runners"].Message, StringComparison.Ordinal);
        Assert.Equal("write 'rule: PL006'", byCapability["ci-runners"].Suggestion);
    }

    [Fact]
    public void PL009_warnings_do_not_turn_the_text_verdict_into_a_failure()
    {
        var result = CliHarness.Run(
            "check", "--state", CliHarness.Fixture("exports/healthy-two-provider.json"),
            "--policy", CliHarness.Fixture("policies/stale-suppressions.yaml"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("PASS (3 warning(s), 0 suppressed)", result.Out, StringComparison.Ordinal);
    }
}
