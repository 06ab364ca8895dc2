using System.Text.Json;

namespace CloudIam.Infra.Tests.Cli;

/// <summary>
/// <c>check --format json</c> summarises each capability's instances per provider and region unless
/// <c>--instances full</c> asks for every one: at 50k resources the list alone was a third of the input's size.
/// </summary>
public sealed class InstanceListingTests
{
    private const string Export = "exports/vault-two-aws-regions.json";
    private const string Policy = "policies/with-vault.yaml";

    [Fact]
    public void The_summary_counts_instances_per_provider_and_region_with_the_domains_each_part_shares()
    {
        var result = CliHarness.Run("check", "--state", CliHarness.Fixture(Export), "--policy", CliHarness.Fixture(Policy), "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.All(json.RootElement.GetProperty("capabilities").EnumerateArray(), c => Assert.False(c.TryGetProperty("instances", out _)));

        var report = CheckReport.Of(Export, Policy, instances: "summary");
        var vault = report.Capability("vault");
        Assert.Equal(3, vault.InstanceCount);
        Assert.Equal(
            [("aws", "eu-central-1", 1), ("aws", "eu-west-3", 1), ("scaleway", "fr-par", 1)],
            vault.Placements.Select(p => (p.Provider, p.Region, p.Instances)));
        var frankfurt = vault.Placements[0];
        Assert.Contains("aws", frankfurt.SharedDomains);
        Assert.Contains("aws/svc:iam", frankfurt.SharedDomains);
        Assert.Contains("aws/eu-central-1", frankfurt.SharedDomains);
        Assert.DoesNotContain(frankfurt.SharedDomains, d => d.StartsWith("aws/eu-west-3", StringComparison.Ordinal));
        Assert.All(report.Capabilities, c => Assert.Equal(c.InstanceCount, c.Placements.Sum(p => p.Instances)));
    }

    [Theory]
    [InlineData("exports/vault-two-aws-regions.json", "policies/with-vault.yaml")]
    [InlineData("exports/healthy-two-provider.json", null)]
    public void The_full_list_agrees_with_the_summary(string export, string? policy)
    {
        var report = CheckReport.Of(export, policy, instances: "full");

        Assert.All(report.Capabilities, capability =>
        {
            Assert.Equal(capability.InstanceCount, capability.Instances.Count);
            var expected = capability.Instances
                .GroupBy(i => (i.Provider, i.Region))
                .OrderBy(g => g.Key.Provider, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Region, StringComparer.Ordinal)
                .Select(g => (g.Key.Provider, g.Key.Region, g.Count(), string.Join(' ', g.Select(i => i.Domains.AsEnumerable()).Aggregate((a, b) => a.Intersect(b)))));
            Assert.Equal(expected, capability.Placements.Select(p => (p.Provider, p.Region, p.Instances, string.Join(' ', p.SharedDomains))));
        });
    }

    [Fact]
    public void An_unknown_listing_is_bad_input()
    {
        var result = CliHarness.Run("check", "--state", CliHarness.Fixture(Export), "--format", "json", "--instances", "all");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("'all' not recognized", line, StringComparison.Ordinal);
        Assert.Contains("'full'", line, StringComparison.Ordinal);
    }
}
