using System.Text.Json;

namespace CloudIam.Infra.Tests.Cli;

/// <summary>
/// What <c>check --format json</c> printed (DESIGN.md §6), typed so that the fixture tests compare
/// rule, capability, severity and domains field by field rather than searching the text.
/// </summary>
public sealed record CheckReport(
    string Verdict,
    IReadOnlyList<ReportedCapability> Capabilities,
    IReadOnlyList<ReportedViolation> Violations,
    IReadOnlyList<JsonElement> Suppressed)
{
    public int ExitCode { get; init; }

    public ReportedCapability Capability(string name) => Assert.Single(Capabilities, c => c.Name == name);

    /// <summary>
    /// Runs the real CLI on an export fixture, under the shipped policy unless a policy fixture is given,
    /// with every instance listed unless <paramref name="instances"/> says <c>summary</c>.
    /// </summary>
    public static CheckReport Of(string export, string? policy = null, string instances = "full")
    {
        string[] args = policy is null
            ? ["check", "--state", CliHarness.Fixture(export), "--format", "json", "--instances", instances]
            : ["check", "--state", CliHarness.Fixture(export), "--policy", CliHarness.Fixture(policy), "--format", "json", "--instances", instances];
        var result = CliHarness.Run(args);

        // 2 (bad input) and 3 (internal error) print no report: a test reading one would only hide them.
        Assert.True(result.ExitCode is 0 or 1, $"exit {result.ExitCode}: {result.Error}");
        var report = JsonSerializer.Deserialize<CheckReport>(result.Out, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("check printed JSON null");
        return report with { ExitCode = result.ExitCode };
    }
}

public sealed record ReportedCapability(
    string Name,
    bool Critical,
    IReadOnlyList<string> Providers,
    int InstanceCount,
    IReadOnlyList<ReportedPlacement> Placements,
    IReadOnlyList<ReportedInstance> Instances,
    ReportedResilience Resilience);

public sealed record ReportedPlacement(string Provider, string? Region, int Instances, IReadOnlyList<string> SharedDomains);

public sealed record ReportedInstance(string Urn, string Provider, string? Region, IReadOnlyList<string> Domains);

public sealed record ReportedResilience(int Degree, IReadOnlyList<string> Witness);

public sealed record ReportedViolation(
    string Rule,
    string Capability,
    string Severity,
    IReadOnlyList<string> Domains,
    string Message,
    string Suggestion);
