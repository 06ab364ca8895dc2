using System.Text.Json;
using System.Xml.Linq;
using CloudIam.Placement.Rules;

namespace CloudIam.Infra.Tests.Cli;

public sealed class CheckVerbTests
{
    private static readonly string Healthy = CliHarness.Fixture("exports/healthy-two-provider.json");
    private static readonly string[] CriticalTooling = ["alerting", "ci-runners", "logs", "metrics", "status-page"];

    [Fact]
    public void A_two_provider_export_passes_with_every_critical_capability_on_both_providers()
    {
        var result = CliHarness.Run("check", "--state", Healthy, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("pass", json.RootElement.GetProperty("verdict").GetString());
        foreach (var capability in json.RootElement.GetProperty("capabilities").EnumerateArray().Where(c => c.GetProperty("critical").GetBoolean()))
        {
            Assert.Equal(["aws", "scaleway"], capability.GetProperty("providers").EnumerateArray().Select(p => p.GetString()!));
            Assert.True(capability.GetProperty("resilience").GetProperty("degree").GetInt32() >= 2, capability.ToString());
        }
    }

    [Theory]
    [InlineData("exports/scaleway-only.json", "scaleway")]
    [InlineData("exports/aws-only.json", "aws")]
    public void A_single_provider_export_is_rejected_with_PL001_for_every_critical_capability(string fixture, string provider)
    {
        var result = CliHarness.Run("check", "--state", CliHarness.Fixture(fixture), "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("fail", json.RootElement.GetProperty("verdict").GetString());
        var pl001 = json.RootElement.GetProperty("violations").EnumerateArray()
            .Where(v => v.GetProperty("rule").GetString() == "PL001")
            .ToList();
        Assert.Equal(CriticalTooling, pl001.Select(v => v.GetProperty("capability").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(pl001, v => Assert.Contains(provider, v.GetProperty("domains").EnumerateArray().Select(d => d.GetString())));
        Assert.All(pl001, v => Assert.DoesNotContain($"on {provider}", v.GetProperty("suggestion").GetString()!, StringComparison.Ordinal));
    }

    [Fact]
    public void A_preview_of_the_healthy_design_passes()
    {
        var result = CliHarness.Run("check", "--preview", CliHarness.Fixture("previews/healthy-two-provider.preview.json"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("PASS", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_report_is_a_table_with_one_row_per_capability_and_a_verdict()
    {
        var result = CliHarness.Run("check", "--state", CliHarness.Fixture("exports/scaleway-only.json"));

        Assert.Equal(1, result.ExitCode);
        var rows = result.Out.Split('\n').Where(line => line.StartsWith("│ ", StringComparison.Ordinal)).ToList();
        Assert.Contains(rows, row => row.Contains("alerting", StringComparison.Ordinal) && row.Contains("PL001", StringComparison.Ordinal));
        Assert.Contains("fix: ", result.Out, StringComparison.Ordinal);
        Assert.Contains("FAIL (", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_lists_one_result_per_violation_and_every_rule()
    {
        var json = CliHarness.Run("check", "--state", CliHarness.Fixture("exports/scaleway-only.json"), "--format", "json");
        var sarif = CliHarness.Run("check", "--state", CliHarness.Fixture("exports/scaleway-only.json"), "--format", "sarif");

        using var violations = JsonDocument.Parse(json.Out);
        using var document = JsonDocument.Parse(sarif.Out);
        var run = document.RootElement.GetProperty("runs")[0];
        Assert.Equal("2.1.0", document.RootElement.GetProperty("version").GetString());
        Assert.Equal(violations.RootElement.GetProperty("violations").GetArrayLength(), run.GetProperty("results").GetArrayLength());
        Assert.Equal(RuleRegistry.All.Length, run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength());
        Assert.All(run.GetProperty("results").EnumerateArray(), r => Assert.StartsWith("PL", r.GetProperty("ruleId").GetString()!, StringComparison.Ordinal));
    }

    [Fact]
    public void Junit_fails_exactly_the_rule_and_capability_pairs_with_errors()
    {
        var pass = XDocument.Parse(CliHarness.Run("check", "--state", Healthy, "--format", "junit").Out);
        var fail = XDocument.Parse(CliHarness.Run("check", "--state", CliHarness.Fixture("exports/scaleway-only.json"), "--format", "junit").Out);

        Assert.Equal("0", pass.Root!.Element("testsuite")!.Attribute("failures")!.Value);
        var failed = fail.Descendants("testcase").Where(c => c.Element("failure") is not null).ToList();
        Assert.Equal(failed.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), fail.Root!.Element("testsuite")!.Attribute("failures")!.Value);
        Assert.Contains(failed, c => c.Attribute("classname")!.Value == "placement.metrics" && c.Attribute("name")!.Value.StartsWith("PL001", StringComparison.Ordinal));
    }

    /// <summary>Stable from run to run as well: <see cref="DeterminismTests"/> compares two processes.</summary>
    [Fact]
    public void Codequality_gives_each_violation_a_unique_fingerprint()
    {
        var result = CliHarness.Run("check", "--state", CliHarness.Fixture("exports/scaleway-only.json"), "--format", "codequality");

        using var document = JsonDocument.Parse(result.Out);
        var fingerprints = document.RootElement.EnumerateArray().Select(i => i.GetProperty("fingerprint").GetString()).ToList();
        Assert.NotEmpty(fingerprints);
        Assert.Equal(fingerprints.Count, fingerprints.Distinct().Count());
        Assert.All(document.RootElement.EnumerateArray(), i => Assert.Equal("critical", i.GetProperty("severity").GetString()));
    }

    [Fact]
    public void Markdown_has_the_capability_table_and_the_violations()
    {
        var result = CliHarness.Run("check", "--state", CliHarness.Fixture("exports/aws-only.json"), "--format", "markdown");

        Assert.Contains("| capability | critical | providers |", result.Out, StringComparison.Ordinal);
        Assert.Contains("| PL001 | metrics |", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Capabilities_the_policy_does_not_declare_are_reported_not_silently_ignored()
    {
        var vault = CliHarness.Fixture("exports/vault-two-providers.json");

        var text = CliHarness.Run("check", "--state", vault);
        var json = CliHarness.Run("check", "--state", vault, "--format", "json");
        var declared = CliHarness.Run("check", "--state", vault, "--policy", CliHarness.Fixture("policies/with-vault.yaml"), "--format", "json");

        Assert.Contains("no rule checks them: vault (3 resources)", text.Out, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(json.Out);
        Assert.Equal(3, report.RootElement.GetProperty("undeclaredCapabilities").GetProperty("vault").GetInt32());
        using var withVault = JsonDocument.Parse(declared.Out);
        Assert.Empty(withVault.RootElement.GetProperty("undeclaredCapabilities").EnumerateObject());
    }

    [Fact]
    public void Another_policy_file_applies_to_any_design()
    {
        var policy = Path.Combine(Path.GetTempPath(), $"cloudiam-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(policy, "defaults: { minProviders: 3 }\ncapabilities:\n  metrics: { critical: true }\n");
        try
        {
            var result = CliHarness.Run("check", "--state", Healthy, "--policy", policy, "--format", "json");

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("\"rule\": \"PL001\"", result.Out, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(policy);
        }
    }
}
