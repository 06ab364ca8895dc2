using CloudIam.Placement.Rules;

namespace CloudIam.Infra.Tests.Cli;

/// <summary>
/// Every rule is shown to fire on a realistic <c>pulumi stack export</c> run through the real CLI,
/// and the close variant of each such export passes, so no rule is only ever exercised on
/// hand-built designs in unit tests.
/// </summary>
public sealed class RuleCoverageTests
{
    private const string WithVault = "policies/with-vault.yaml";

    /// <summary>Rule, export, policy (null: the shipped one), the capability it names, severity, exit code.</summary>
    public static TheoryData<string, string, string?, string, string, int> Tripped => new()
    {
        { "PL001", "exports/scaleway-only.json", null, "metrics", "error", 1 },
        { "PL002", "exports/scaleway-only.json", null, "metrics", "error", 1 },
        { "PL003", "exports/vault-two-providers.json", WithVault, "vault", "error", 1 },
        { "PL004", "exports/status-page-beside-deployments.json", null, "status-page", "error", 1 },
        { "PL005", "exports/scaleway-only.json", null, "ci-runners", "error", 1 },
        { "PL006", "exports/scaleway-only.json", null, "ci-runners", "error", 1 },
        { "PL007", "exports/scaleway-only.json", null, "status-page", "error", 1 },
        { "PL008", "exports/unplaced-helm-release.json", null, "metrics", "error", 1 },
        // A warning: the stale suppressions suppress nothing, and nothing else is wrong, so the verdict passes.
        { "PL009", "exports/healthy-two-provider.json", "policies/stale-suppressions.yaml", "dashboards", "warning", 0 },
        // healthy-two-provider.json with status.cloud-iam.com published by Scaleway DNS only (no Route 53 record).
        { "PL010", "exports/status-dns-one-provider.json", null, "status-page", "error", 1 },
    };

    /// <summary>
    /// The close variants: healthy-two-provider.json is the variant of the single-provider exports
    /// (PL001, PL002, PL005–PL007, PL010); each other pair differs in the few resources or lines its rule is about.
    /// </summary>
    public static TheoryData<string, string?> Passing => new()
    {
        { "exports/healthy-two-provider.json", null },
        { "exports/vault-three-providers.json", WithVault },
        { "exports/deployments-watched-from-both-providers.json", null },
        { "exports/placed-helm-release.json", null },
        { "exports/healthy-two-provider.json", "policies/renewed-suppressions.yaml" },
    };

    /// <summary>Rules about what only the program knows (its alert settings): a state export carries no alert path.</summary>
    private static readonly string[] ProgramOnly = ["PL011"];

    [Fact]
    public void Every_registered_rule_has_a_tripping_export()
    {
        Assert.Equal(RuleRegistry.All.Select(r => r.Id).Except(ProgramOnly), Tripped.Select(row => (string)row[0]!));
    }

    [Fact]
    public void PL011_fails_a_stack_over_its_page_budget_naming_the_setting_to_change_and_the_shipped_budget_passes()
    {
        var tight = CliHarness.Run("check", "--stack", "prod", "--policy", CliHarness.Fixture("policies/tight-page-budget.yaml"), "--format", "json");
        var report = System.Text.Json.JsonSerializer.Deserialize<CheckReport>(tight.Out, System.Text.Json.JsonSerializerOptions.Web)!;

        Assert.Equal(1, tight.ExitCode);
        var violations = report.Violations.Where(v => v.Rule == "PL011").ToList();
        Assert.Equal(["alerting", "alerting"], violations.Select(v => v.Capability));
        var scaleway = Assert.Single(violations, v => v.Message.StartsWith("on scw-par-alertmanager -> oncall,", StringComparison.Ordinal));
        Assert.Equal(
            "on scw-par-alertmanager -> oncall, a failing deployment reaches the on-call's pager after up to 4m30s, over the budget of 3m; the costliest setting is DeploymentDown for: (2m)",
            scaleway.Message);
        Assert.Equal("lower DeploymentDown for: (on scw-par-alertmanager -> oncall) to at most 30s", scaleway.Suggestion);
        // team-chat gets the deployment alert through no route, so no time to it is judged.
        Assert.DoesNotContain(violations, v => v.Message.Contains("team-chat", StringComparison.Ordinal));

        var shipped = CliHarness.Run("check", "--stack", "prod");
        Assert.Equal(0, shipped.ExitCode);
        Assert.Contains("scw-par-alertmanager -> oncall: page after at most 4m30s (budget 5m)", shipped.Out, StringComparison.Ordinal);
        Assert.Contains("aws-par-gatus -> public status page: public status after at most 1m (budget 5m)", shipped.Out, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Tripped))]
    public void Each_rule_is_tripped_by_a_realistic_export(string rule, string export, string? policy, string capability, string severity, int exit)
    {
        var report = CheckReport.Of(export, policy);

        var violation = Assert.Single(report.Violations, v => v.Rule == rule && v.Capability == capability);
        Assert.Equal(severity, violation.Severity);
        Assert.Equal(exit, report.ExitCode);
        Assert.Equal(exit == 0 ? "pass" : "fail", report.Verdict);
        Assert.False(string.IsNullOrWhiteSpace(violation.Message));
        Assert.False(string.IsNullOrWhiteSpace(violation.Suggestion));
    }

    [Theory]
    [MemberData(nameof(Passing))]
    public void The_close_variants_pass_without_a_single_violation(string export, string? policy)
    {
        var report = CheckReport.Of(export, policy);

        Assert.Equal(0, report.ExitCode);
        Assert.Equal("pass", report.Verdict);
        Assert.Empty(report.Violations);
        Assert.Empty(report.Suppressed);
    }
}
