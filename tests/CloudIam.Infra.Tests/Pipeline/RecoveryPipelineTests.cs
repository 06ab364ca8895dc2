using System.Text.Json;
using CloudIam.Infra.Tests.Cli;
using CloudIam.Placement.Rules;
using CloudIam.Pulumi.Pipelines;

namespace CloudIam.Infra.Tests.Pipeline;

/// <summary>The repository's pipeline read as part of the design by check, plan and simulate (PL005).</summary>
public sealed class RecoveryPipelineTests
{
    private const string Primary = "s3://cloudiam-pulumi-state?endpoint=s3.fr-par.scw.cloud&region=fr-par&profile=scaleway-state";
    private const string Replica = "s3://cloudiam-pulumi-state-replica?region=eu-west-3";

    private static readonly Dictionary<string, string> NoEnvironment = [];

    private static List<JsonElement> RecoveryViolations(CliResult result)
    {
        using var json = JsonDocument.Parse(result.Out);
        return [.. json.RootElement.GetProperty("violations").EnumerateArray()
            .Where(v => v.GetProperty("rule").GetString() == "PL005" && v.GetProperty("capability").GetString() == PL005RecoveryPath.RecoveryCapability)
            .Select(v => v.Clone())];
    }

    [Fact]
    public void The_repository_passes_with_a_deploy_job_on_each_side()
    {
        using var scratch = new ScratchRepository();

        var result = CliHarness.RunIn(scratch.Root, NoEnvironment, "check", "--stack", "prod", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var recovery = json.RootElement.GetProperty("capabilities").EnumerateArray().Single(c => c.GetProperty("name").GetString() == PL005RecoveryPath.RecoveryCapability);
        Assert.Equal(["aws", "scaleway"], recovery.GetProperty("providers").EnumerateArray().Select(p => p.GetString()!).ToArray());
        Assert.Equal(2, recovery.GetProperty("instanceCount").GetInt32());
    }

    [Theory]
    [InlineData("up-prod-from-aws", "scaleway", "aws")]
    [InlineData("up-prod-from-scaleway", "aws", "scaleway")]
    public void Removing_one_sides_deploy_job_fails_PL005_for_the_other_side(string job, string lost, string missing)
    {
        using var scratch = new ScratchRepository().WithoutJob(job);

        var result = CliHarness.RunIn(scratch.Root, NoEnvironment, "check", "--stack", "prod", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        var violation = Assert.Single(RecoveryViolations(result));
        Assert.Equal([lost], violation.GetProperty("domains").EnumerateArray().Select(d => d.GetString()!).ToArray());
        Assert.StartsWith($"add a deploy job on the runners of {missing} (", violation.GetProperty("suggestion").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Both_sides_on_one_backend_fails_PL005_naming_the_backend()
    {
        using var scratch = new ScratchRepository().Edit(PipelineReader.GitLabFile, text => text.Replace(
            $"    PULUMI_BACKEND_URL: \"{Replica}\"", $"    PULUMI_BACKEND_URL: \"{Primary}\"", StringComparison.Ordinal));

        var result = CliHarness.RunIn(scratch.Root, NoEnvironment, "check", "--stack", "prod", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        var violation = Assert.Single(RecoveryViolations(result));
        Assert.Equal(["scaleway"], violation.GetProperty("domains").EnumerateArray().Select(d => d.GetString()!).ToArray());
        Assert.Contains($"up-prod-from-aws needs the state backend {Primary} on scaleway", violation.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.StartsWith($"point up-prod-from-aws off scaleway: replace the state backend {Primary} with one on aws", violation.GetProperty("suggestion").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_github_workflow_counts_too()
    {
        using var scratch = new ScratchRepository().WithoutJob("up-prod-from-aws");
        var workflows = Directory.CreateDirectory(Path.Combine(scratch.Root, PipelineReader.GitHubWorkflows));
        File.WriteAllText(Path.Combine(workflows.FullName, "deploy.yml"), $$"""
            on: workflow_dispatch
            jobs:
              up-prod-from-aws:
                runs-on: [self-hosted, cloudiam-infra, provider-aws]
                environment: prod
                concurrency: pulumi-prod
                steps:
                  - run: pulumi login "{{Replica}}" && pulumi up --yes --stack prod
            """);

        Assert.Equal(0, CliHarness.RunIn(scratch.Root, NoEnvironment, "check", "--stack", "prod").ExitCode);
    }

    [Fact]
    public void Plan_fails_when_a_side_has_no_deploy_job()
    {
        using var scratch = new ScratchRepository().WithoutJob("up-prod-from-scaleway");

        var result = CliHarness.RunIn(scratch.Root, NoEnvironment, "plan", "--stack", "prod");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("losing aws leaves no deploy job to apply the fix", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulating_the_incident_names_the_deploy_job_that_remains()
    {
        var result = CliHarness.Run("simulate", "--stack", "prod", "--scenario", CliHarness.RepoFile("scenarios/2026-scaleway-private-network-dns.yaml"), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var recovery = json.RootElement.GetProperty("capabilities").EnumerateArray().Single(c => c.GetProperty("name").GetString() == PL005RecoveryPath.RecoveryCapability);
        // The GitLab job and the GitHub workflow's job of the AWS side (its stack is picked when started).
        Assert.Equal(["up-prod-from-aws", "up-from-aws"], recovery.GetProperty("remaining").EnumerateArray().Select(j => j.GetString()!).ToArray());
        Assert.Contains("deploy jobs left to apply a fix: up-prod-from-scaleway, up-from-scaleway\n", CliHarness.Run("simulate", "--stack", "prod", "--outage", "aws").Out, StringComparison.Ordinal);
    }
}
