namespace CloudIam.Infra.Tests.Cli;

/// <summary>Every kind of bad input ends in exit code 2 and one located message, never a stack trace.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("bad/truncated.json")]
    [InlineData("bad/empty.json")]
    [InlineData("bad/not-json.json")]
    [InlineData("bad/wrong-version.json")]
    [InlineData("bad/missing-urn.json")]
    public void A_malformed_export_is_reported_with_its_file_and_location(string fixture)
    {
        var path = CliHarness.Fixture(fixture);
        var result = CliHarness.Run("check", "--state", path);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"cloudiam-infra: {path}", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var result = CliHarness.Run("check", "--state", "/nonexistent/export.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/nonexistent/export.json", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_policy_is_reported_with_line_and_column()
    {
        var policy = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(policy, "capabilities:\n  metrics: { critical: maybe }\n");
        try
        {
            var result = CliHarness.Run("check", "--state", CliHarness.Fixture("exports/healthy-two-provider.json"), "--policy", policy);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains($"{policy}:line 2", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(policy);
        }
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", "--state", "a.json", "--preview", "b.json")]
    [InlineData("check", "--format", "xml", "--state", "a.json")]
    [InlineData("frobnicate")]
    public void Wrong_arguments_exit_with_2_and_say_what_is_wrong(params string[] args)
    {
        var result = CliHarness.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cloudiam-infra: ", result.Error, StringComparison.Ordinal);
    }
}
