using System.Collections.Immutable;
using System.Text.Json;
using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Compilation;
using CloudIam.Infra.Stacks;
using CloudIam.Placement.Analysis;
using CloudIam.Placement.Evaluation;
using CloudIam.Placement.Policy;
using CloudIam.Placement.Rules;
using CloudIam.Pulumi.Providers;

namespace CloudIam.Infra.Tests.Cli;

/// <summary>
/// The customer deployments as part of the design (issue 9): placed from stack config or a deployments
/// file, probed by what actually names their URL, paged about through Alertmanager receivers.
/// </summary>
public sealed class DeploymentsInDesignTests
{
    private static readonly string Incident = CliHarness.RepoFile("scenarios/2026-scaleway-private-network-dns.yaml");

    [Fact]
    public void Check_of_prod_lists_every_deployment_with_its_provider_and_who_probes_it()
    {
        var result = CliHarness.Run("check", "--stack", "prod", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var deployments = json.RootElement.GetProperty("deployments").EnumerateArray()
            .Select(d => (
                Name: d.GetProperty("name").GetString(),
                Provider: d.GetProperty("provider").GetString(),
                Region: d.GetProperty("region").GetString(),
                SeenBy: string.Join(",", d.GetProperty("seenBy").EnumerateArray().Select(s => s.GetProperty("name").GetString()))))
            .ToList();
        Assert.Equal(
            [
                ("keycloak-eu-1", "scaleway", "fr-par", "scw-par-gatus,aws-par-gatus"),
                ("keycloak-eu-2", "scaleway", "nl-ams", "scw-par-gatus,aws-par-gatus"),
                ("console", "aws", "eu-west-3", "scw-par-gatus,aws-par-gatus"),
            ],
            deployments);
        Assert.Contains("keycloak-eu-1 on scaleway (fr-par): seen by scw-par-gatus (status-page), aws-par-gatus (status-page)", CliHarness.Run("check", "--stack", "prod").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stack_whose_deployments_and_every_status_page_share_one_provider_fails_PL004()
    {
        var prod = Repository.Stack("prod");
        var config = prod with
        {
            // The AWS cluster keeps its other tooling but no status page: only Scaleway's Gatus probes the deployments.
            Clusters = [.. prod.Clusters.Select(c => c.Provider == "aws" ? c with { Capabilities = [.. c.Capabilities.Remove(Capability.StatusPage)] } : c)],
            Deployments = [.. prod.Deployments.Where(d => d.Provider == "scaleway")],
        };

        var pl004 = Check(config).Where(v => v is { Rule: "PL004", Capability: "status-page" }).ToList();

        Assert.Equal(2, pl004.Count);
        Assert.Equal(
            "every status-page instance probing keycloak-eu-1 (scaleway (fr-par)) shares a failure domain with it "
            + "(scw-par-gatus: scaleway down to scaleway/fr-par/svc:dhcp), so one outage takes down the deployment and what would see it",
            pl004[0].Message);
        Assert.Equal("probe keycloak-eu-1 from a status-page instance on aws (eu-west-3)", pl004[0].Suggestion);
        Assert.Contains("scaleway/svc:iam", pl004[1].Domains);
    }

    [Fact]
    public void A_stack_whose_every_alert_route_runs_through_the_deployments_provider_fails_PL004()
    {
        var prod = Repository.Stack("prod");
        var config = prod with
        {
            Alerting = prod.Alerting with { Receivers = [.. prod.Alerting.Receivers.Select(r => r with { Provider = "scaleway", Region = "fr-par" })] },
        };

        var paging = Check(config).Where(v => v is { Rule: "PL004", Capability: "deployments" }).ToList();

        // The AWS deployment still pages through Scaleway's Alertmanager... to a receiver on Scaleway: only
        // the Scaleway deployments have no path off their provider.
        Assert.Equal(["keycloak-eu-1", "keycloak-eu-2"], paging.Select(v => v.Message.Split(' ')[4]));
        Assert.All(paging, v => Assert.Equal("add a receiver hosted off scaleway to the alert routes of aws-par-alertmanager", v.Suggestion));
    }

    [Fact]
    public void Prod_passes_PL004_with_its_deployments_probed_from_both_providers()
    {
        Assert.DoesNotContain(Check(Repository.Stack("prod")), v => v.Rule == "PL004");
    }

    [Fact]
    public void The_2026_replay_takes_deployments_down_and_keeps_every_critical_capability_up()
    {
        var result = CliHarness.Run("simulate", "--stack", "prod", "--scenario", Incident, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        var capabilities = root.GetProperty("capabilities").EnumerateArray().ToList();
        var deployments = capabilities.Single(c => c.GetProperty("name").GetString() == "deployments");
        Assert.True(deployments.GetProperty("before").GetInt32() > deployments.GetProperty("after").GetInt32());
        Assert.All(capabilities.Where(c => c.GetProperty("critical").GetBoolean()), c => Assert.True(c.GetProperty("up").GetBoolean()));

        var down = root.GetProperty("deployments").EnumerateArray().Single(d => d.GetProperty("down").GetBoolean());
        Assert.Equal("keycloak-eu-1", down.GetProperty("name").GetString());
        Assert.Equal(["aws-par-gatus"], down.GetProperty("seenBy").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(["aws-par-alertmanager -> oncall", "aws-par-alertmanager -> team-chat"], down.GetProperty("pagedThrough").EnumerateArray().Select(p => p.GetString()));
        var runners = Assert.Single(root.GetProperty("recovery").EnumerateArray());
        Assert.Equal(["aws-par-gitlab-runner"], runners.GetProperty("remaining").EnumerateArray().Select(r => r.GetString()));
    }

    [Theory]
    [InlineData("scaleway", true, "aws", "scaleway", "aws-par-gatus")]
    [InlineData("aws", true, "scaleway", "aws", "scw-par-gatus")]
    [InlineData("scaleway,aws", false, "", "aws,scaleway", "")]
    public void The_replay_says_whether_the_public_status_host_still_resolves_to_a_live_page(string outage, bool resolves, string answering, string lost, string live)
    {
        var result = CliHarness.Run("simulate", "--stack", "prod", "--outage", outage, "--format", "json");

        using var json = JsonDocument.Parse(result.Out);
        var host = Assert.Single(json.RootElement.GetProperty("publicHosts").EnumerateArray());
        Assert.Equal("status.cloud-iam.com", host.GetProperty("host").GetString());
        Assert.Equal(resolves, host.GetProperty("resolves").GetBoolean());
        Assert.Equal(answering, Joined(host.GetProperty("answeringDns")));
        Assert.Equal(lost, Joined(host.GetProperty("lostDns")));
        Assert.Equal(live, Joined(host.GetProperty("liveInstances")));
    }

    [Fact]
    public void The_time_to_page_is_judged_on_the_receiver_the_deployment_alert_is_routed_to()
    {
        var prod = Repository.Stack("prod");
        var routedToChat = prod with
        {
            Alerting = prod.Alerting with { Routes = [new AlertRoute { Receiver = "team-chat", Matchers = ["severity=~\"crit.*\""] }] },
        };

        var timed = CompiledStack.Compile(routedToChat).Design.AlertPaths.Where(path => !path.Steps.IsEmpty).Select(path => path.Name).Order(StringComparer.Ordinal);

        Assert.Equal(
            ["aws-par-alertmanager -> team-chat", "aws-par-gatus -> public status page", "scw-par-alertmanager -> team-chat", "scw-par-gatus -> public status page"],
            timed);
    }

    [Fact]
    public void The_2026_replay_tells_the_story_in_text_and_markdown()
    {
        var text = CliHarness.Run("simulate", "--stack", "prod", "--scenario", Incident).Out;
        var markdown = CliHarness.Run("simulate", "--stack", "prod", "--scenario", Incident, "--format", "markdown").Out;

        Assert.Contains("deployments down: 1 of 3", text, StringComparison.Ordinal);
        Assert.Contains("keycloak-eu-1 on scaleway (fr-par): DOWN, seen by aws-par-gatus (status-page)", text, StringComparison.Ordinal);
        Assert.Contains("ci-runners left to apply a fix: aws-par-gitlab-runner (1 of 2)", text, StringComparison.Ordinal);
        Assert.Contains("  - keycloak-eu-1 on scaleway (fr-par): DOWN, seen by aws-par-gatus (status-page); pages through aws-par-alertmanager -> oncall", markdown, StringComparison.Ordinal);
        Assert.Contains("- status-page left: aws-par-gatus (1 of 2)", markdown, StringComparison.Ordinal);
        Assert.Contains("status.cloud-iam.com resolves through aws and scaleway DNS to a live status-page: aws-par-gatus", text, StringComparison.Ordinal);
        Assert.Contains("deploy jobs left to apply a fix: up-prod-from-aws, up-from-aws", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deployments-probed-from-scaleway-only.json", "keycloak-on-scaleway.yaml", "status-page")]
    [InlineData("deployments-probed-from-both-providers.json", "oncall-on-scaleway.yaml", "deployments")]
    public void An_export_checked_against_a_deployments_file_fails_PL004(string export, string deployments, string capability)
    {
        var result = CliHarness.Run("check", "--state", CliHarness.Fixture($"exports/{export}"), "--deployments", CliHarness.Fixture($"deployments/{deployments}"), "--format", "json");

        Assert.Equal(1, result.ExitCode);
        var report = JsonSerializer.Deserialize<CheckReport>(result.Out, JsonSerializerOptions.Web)!;
        var violation = Assert.Single(report.Violations, v => v.Rule == "PL004" && v.Capability == capability);
        Assert.Contains("keycloak-eu-1 (scaleway (fr-par))", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_preview_checked_against_a_deployments_file_fails_PL004_like_its_export()
    {
        var deployments = CliHarness.Fixture("deployments/keycloak-on-scaleway.yaml");
        var preview = CliHarness.Run("check", "--preview", CliHarness.Fixture("previews/deployments-probed-from-scaleway-only.preview.json"), "--deployments", deployments, "--format", "json");
        var export = CliHarness.Run("check", "--state", CliHarness.Fixture("exports/deployments-probed-from-scaleway-only.json"), "--deployments", deployments, "--format", "json");

        Assert.Equal(1, preview.ExitCode);
        var violations = JsonSerializer.Deserialize<CheckReport>(preview.Out, JsonSerializerOptions.Web)!.Violations;
        var violation = Assert.Single(violations, v => v.Rule == "PL004");
        Assert.Equal("status-page", violation.Capability);
        Assert.Equal(
            JsonSerializer.Serialize(JsonSerializer.Deserialize<CheckReport>(export.Out, JsonSerializerOptions.Web)!.Violations),
            JsonSerializer.Serialize(violations));
    }

    [Fact]
    public void An_export_probed_from_both_providers_with_an_off_provider_receiver_passes()
    {
        var result = CliHarness.Run(
            "check", "--state", CliHarness.Fixture("exports/deployments-probed-from-both-providers.json"),
            "--deployments", CliHarness.Fixture("deployments/keycloak-on-scaleway.yaml"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("keycloak-eu-1 on scaleway (fr-par): seen by scw-status-page (status-page), aws-status-page (status-page)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_deployments_file_an_export_says_nothing_about_deployments()
    {
        var result = CliHarness.Run("check", "--state", CliHarness.Fixture("exports/deployments-probed-from-scaleway-only.json"), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Empty(json.RootElement.GetProperty("deployments").EnumerateArray());
    }

    [Fact]
    public void A_deployment_without_a_provider_is_bad_input_naming_the_line()
    {
        var result = CliHarness.Run("check", "--state", CliHarness.Fixture("exports/healthy-two-provider.json"), "--deployments", CliHarness.Fixture("deployments/missing-provider.yaml"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.EndsWith("missing-provider.yaml:line 2, column 5: a deployment lacks the required key 'provider'\n", result.Error, StringComparison.Ordinal);
    }

    private static string Joined(JsonElement array) => string.Join(",", array.EnumerateArray().Select(item => item.GetString()));

    private static ImmutableArray<Violation> Check(StackConfig config)
    {
        var policy = PolicyLoader.Load(CliHarness.RepoFile("policy/placement.yaml"));
        return PolicyEngine.Evaluate(DesignAnalysis.Build(CompiledStack.Compile(config).Design, policy, ProviderCatalog.Shipped.Services), CliHarness.Today).Violations;
    }
}
