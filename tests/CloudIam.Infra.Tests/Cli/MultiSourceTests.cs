using System.Text.Json;

namespace CloudIam.Infra.Tests.Cli;

/// <summary>
/// DESIGN §7.2: a design kept in two stacks (one per provider) is checked as one. The fixtures are the
/// two halves of <c>healthy-two-provider.json</c>, each exported from its own stack.
/// </summary>
public sealed class MultiSourceTests
{
    private static readonly string Scaleway = CliHarness.Fixture("exports/split/prod-scaleway.json");
    private static readonly string Aws = CliHarness.Fixture("exports/split/prod-aws.json");

    [Fact]
    public void The_two_halves_of_a_correct_design_pass_together()
    {
        var result = CliHarness.Run("check", "--state", Scaleway, "--state", Aws, "--format", "json", "--instances", "full");

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var metrics = json.RootElement.GetProperty("capabilities").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "metrics");
        Assert.Equal(["aws", "scaleway"], metrics.GetProperty("providers").EnumerateArray().Select(p => p.GetString()!));
        Assert.Contains(metrics.GetProperty("instances").EnumerateArray(), i => i.GetProperty("urn").GetString()!.StartsWith("urn:pulumi:prod-aws::", StringComparison.Ordinal));
        Assert.Contains(metrics.GetProperty("instances").EnumerateArray(), i => i.GetProperty("urn").GetString()!.StartsWith("urn:pulumi:prod-scaleway::", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("prod-scaleway.json")]
    [InlineData("prod-aws.json")]
    public void Each_half_alone_fails_PL001(string half)
    {
        var result = CliHarness.Run("check", "--state", CliHarness.Fixture($"exports/split/{half}"), "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("\"rule\": \"PL001\"", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_report_names_each_source()
    {
        var result = CliHarness.Run("check", "--state", Scaleway, "--state", Aws);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith($"design: {Scaleway} + {Aws}\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_and_a_preview_mix_and_the_same_export_twice_is_one_design()
    {
        var preview = CliHarness.Fixture("previews/healthy-two-provider.preview.json");

        var mixed = CliHarness.Run("check", "--state", Scaleway, "--preview", preview, "--state", Scaleway, "--format", "json");

        Assert.True(mixed.ExitCode == 0, mixed.Out + mixed.Error);
    }

    [Fact]
    public void The_same_urn_with_other_inputs_in_two_sources_is_bad_input_naming_both()
    {
        var scratch = Directory.CreateTempSubdirectory("cloudiam-multi-");
        try
        {
            var changed = Path.Combine(scratch.FullName, "prod-scaleway-changed.json");
            var text = File.ReadAllText(Scaleway);
            Assert.Contains("\"fr-par\"", text, StringComparison.Ordinal);
            File.WriteAllText(changed, ReplaceFirst(text, "\"fr-par\"", "\"nl-ams\""));

            var result = CliHarness.Run("check", "--state", Scaleway, "--state", changed);

            Assert.Equal(2, result.ExitCode);
            Assert.Equal("", result.Out);
            var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"cloudiam-infra: {changed}", line, StringComparison.Ordinal);
            Assert.Contains($"is also in {Scaleway}", line, StringComparison.Ordinal);
            Assert.Contains("contradict", line, StringComparison.Ordinal);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    [Fact]
    public void Simulate_and_diff_take_repeated_sources()
    {
        var simulate = CliHarness.Run("simulate", "--state", Scaleway, "--state", Aws, "--outage", "scaleway", "--format", "json");
        Assert.True(simulate.ExitCode == 0, simulate.Out + simulate.Error);

        var diff = CliHarness.Run(
            "diff",
            "--base", Scaleway, "--base", Aws,
            "--head", CliHarness.Fixture("exports/healthy-two-provider.json"),
            "--format", "json");
        Assert.True(diff.ExitCode == 0, diff.Out + diff.Error);
    }

    [Fact]
    public void The_markdown_report_draws_each_half_alone_with_its_failing_capabilities_marked()
    {
        var result = CliHarness.Run("check", "--state", Scaleway, "--format", "markdown");

        Assert.StartsWith("```mermaid\nflowchart LR\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("([\"✗ metrics (PL001", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"\n  class n\d+(,n\d+)* failing\n", result.Out);
        Assert.DoesNotContain("eu-west-3", result.Out[..result.Out.IndexOf("```\n\n", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public void No_source_at_all_is_a_usage_error()
    {
        var result = CliHarness.Run("check");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("give at least one --stack, --state or --preview", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_values_after_one_option_are_a_usage_error_not_an_exception()
    {
        var result = CliHarness.Run("check", "--state", Scaleway, Aws);

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stack_and_an_export_check_as_one_design()
    {
        var result = CliHarness.RunIn(
            CliHarness.Root,
            new Dictionary<string, string>(),
            "check", "--stack", "prod", "--state", Scaleway, "--format", "json");

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
    }

    private static string ReplaceFirst(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }
}
