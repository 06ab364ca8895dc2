using System.Text.Json;
using CloudIam.Placement.Rules;

namespace CloudIam.Infra.Tests.Cli;

public sealed class ExplainAndDiffTests
{
    [Fact]
    public void Explain_prints_the_rule_and_how_to_fix_it()
    {
        var result = CliHarness.Run("explain", "pl002");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("PL002: ", result.Out, StringComparison.Ordinal);
        Assert.Contains("How to fix: ", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_without_a_rule_lists_every_rule()
    {
        var result = CliHarness.Run("explain");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(RuleRegistry.All.Length, result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Explain_of_an_unknown_rule_is_bad_input()
    {
        var result = CliHarness.Run("explain", "PL999");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown rule 'PL999'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Moving_everything_to_scaleway_is_a_regression_with_new_PL001_findings()
    {
        var result = CliHarness.Run(
            "diff",
            "--base", CliHarness.Fixture("exports/healthy-two-provider.json"),
            "--head", CliHarness.Fixture("exports/scaleway-only.json"),
            "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.True(json.RootElement.GetProperty("regression").GetBoolean());
        Assert.Contains(json.RootElement.GetProperty("introduced").EnumerateArray(), v => v.GetProperty("rule").GetString() == "PL001");
        var metrics = json.RootElement.GetProperty("capabilities").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "metrics");
        Assert.Equal(["aws", "scaleway"], metrics.GetProperty("providers").GetProperty("before").EnumerateArray().Select(p => p.GetString()!));
        Assert.Equal(["scaleway"], metrics.GetProperty("providers").GetProperty("after").EnumerateArray().Select(p => p.GetString()!));
    }

    [Fact]
    public void The_reverse_change_fixes_them_and_a_preview_is_recognised_by_content()
    {
        var result = CliHarness.Run(
            "diff",
            "--base", CliHarness.Fixture("exports/scaleway-only.json"),
            "--head", CliHarness.Fixture("previews/healthy-two-provider.preview.json"),
            "--format", "markdown");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(":white_check_mark: fixed **PL001** metrics", result.Out, StringComparison.Ordinal);
        Assert.Contains("no regression", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Lowering_a_critical_capabilitys_resilience_degree_is_a_regression_even_with_no_new_violation()
    {
        var policy = CliHarness.Fixture("policies/metrics-only.yaml");
        var twoProviders = CliHarness.Fixture("exports/healthy-two-provider.json");
        var oneProvider = CliHarness.Fixture("exports/split/prod-scaleway.json");
        Assert.Equal(0, CliHarness.Run("check", "--state", oneProvider, "--policy", policy).ExitCode);

        var worse = CliHarness.Run("diff", "--base", twoProviders, "--head", oneProvider, "--policy", policy, "--format", "json");

        Assert.Equal(1, worse.ExitCode);
        using var json = JsonDocument.Parse(worse.Out);
        Assert.True(json.RootElement.GetProperty("regression").GetBoolean());
        Assert.Empty(json.RootElement.GetProperty("introduced").EnumerateArray());
        var degree = json.RootElement.GetProperty("capabilities").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "metrics").GetProperty("degree");
        Assert.Equal(2, degree.GetProperty("before").GetInt32());
        Assert.Equal(1, degree.GetProperty("after").GetInt32());

        var better = CliHarness.Run("diff", "--base", oneProvider, "--head", twoProviders, "--policy", policy);
        Assert.Equal(0, better.ExitCode);
        Assert.Contains("no regression", better.Out, StringComparison.Ordinal);
    }
}
