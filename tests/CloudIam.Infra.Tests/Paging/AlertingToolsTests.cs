using CloudIam.Infra.Components.Observability;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Tests.Paging;

/// <summary>
/// The Alertmanager configuration and Prometheus rules the program deploys, checked by the real tools: Debian's
/// amtool 0.25 and promtool 2.42, older than the charts' apps, so the configuration keeps to fields both know.
/// </summary>
public sealed partial class AlertingToolsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cloudiam-alerting-").FullName;

    public static TheoryData<string, string> Sites => new() { { "prod", "scw-par" }, { "prod", "aws-par" }, { "staging", "scw-par" } };

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [ToolFact("amtool")]
    public void Every_sites_alertmanager_configuration_passes_amtool_check_config()
    {
        foreach (var (stack, site) in Sites.Select(row => ((string)row[0]!, (string)row[1]!)))
        {
            var (exit, output) = ExternalTool.Run("amtool", "check-config", AlertmanagerConfig(stack, site));

            Assert.True(exit == 0, $"{stack}/{site}: {output}");
            Assert.Contains("SUCCESS", output, StringComparison.Ordinal);
        }
    }

    [ToolFact("amtool")]
    public void Watchdog_and_InfoInhibitor_never_reach_a_person()
    {
        var config = AlertmanagerConfig("prod", "scw-par");

        AssertRoute(config, "dead-mans-switch", "alertname=Watchdog", "severity=none");
        AssertRoute(config, "blackhole", "alertname=InfoInhibitor", "severity=none");
        // Even if someone raised their severity, the program's routes come first.
        AssertRoute(config, "dead-mans-switch", "alertname=Watchdog", "severity=critical");
    }

    [ToolFact("amtool")]
    public void A_failing_deployment_pages_oncall_and_the_rest_goes_to_chat()
    {
        var config = AlertmanagerConfig("prod", "aws-par");

        AssertRoute(config, "oncall", $"alertname={DeploymentAlerts.DeploymentDown}", "severity=critical", "site=aws-par", "deployment=console");
        AssertRoute(config, "team-chat", $"alertname={DeploymentAlerts.DeploymentProbesMissing}", "severity=warning");
    }

    [ToolFact("amtool")]
    public void Amtool_tells_a_wrong_route_apart()
    {
        var (exit, _) = ExternalTool.Run("amtool", "config", "routes", "test", "--config.file", AlertmanagerConfig("prod", "scw-par"),
            "--verify.receivers=oncall", "alertname=Watchdog");

        Assert.NotEqual(0, exit);
    }

    [ToolFact("promtool")]
    public void The_deployment_probe_rules_pass_promtool_check_rules()
    {
        var (exit, output) = ExternalTool.Run("promtool", "check", "rules", RulesFile());

        Assert.True(exit == 0, output);
        Assert.Contains("2 rules found", output, StringComparison.Ordinal);
    }

    [ToolFact("promtool")]
    public void DeploymentDown_fires_after_its_for_and_not_before_and_missing_probes_are_noticed()
    {
        var rules = RulesFile();
        var down = (ExprMap)DeploymentAlerts.Rules(Runbooks).Items[0];
        var annotations = ((ExprMap)down["annotations"]).Items.ToDictionary(
            entry => entry.Key, entry => ((StringLiteral)entry.Value).Value.Replace("{{ $labels.name }}", "console", StringComparison.Ordinal));
        var test = Path.Combine(_directory, "rules.test.yaml");
        File.WriteAllText(test, $$"""
            rule_files: [{{Path.GetFileName(rules)}}]
            evaluation_interval: 30s
            tests:
              - interval: 1m
                input_series:
                  - series: 'gatus_results_endpoint_success{group="deployments", name="console", key="deployments_console"}'
                    values: '1 0 0 0 0 0'
                alert_rule_test:
                  - eval_time: 2m
                    alertname: {{DeploymentAlerts.DeploymentDown}}
                    exp_alerts: []
                  - eval_time: 3m
                    alertname: {{DeploymentAlerts.DeploymentDown}}
                    exp_alerts:
                      - exp_labels: { severity: critical, deployment: console, group: deployments, name: console, key: deployments_console }
                        exp_annotations: {{System.Text.Json.JsonSerializer.Serialize(annotations)}}
                  - eval_time: 11m
                    alertname: {{DeploymentAlerts.DeploymentProbesMissing}}
                    exp_alerts: []
              - interval: 1m
                input_series:
                  - series: 'up{job="gatus"}'
                    values: '0x15'
                alert_rule_test:
                  - eval_time: 11m
                    alertname: {{DeploymentAlerts.DeploymentProbesMissing}}
                    exp_alerts:
                      - exp_labels: { severity: warning, group: deployments }
                        exp_annotations:
                          summary: No deployment probe results reach Prometheus
                          description: 'Gatus is down or no longer scraped: deployment failures would page from the other site only.'
                          runbook_url: {{Runbooks}}#deploymentprobesmissing
            """);

        var (exit, output) = ExternalTool.Run("promtool", "test", "rules", test);

        Assert.True(exit == 0, output);
    }

    private const string Runbooks = "https://gitlab.example.com/runbooks";

    private string RulesFile()
    {
        var path = Path.Combine(_directory, "rules.yaml");
        var rules = (ExprMap)DeploymentAlerts.RulesMap(Runbooks)["deployment-probes"];
        File.WriteAllText(path, PlainYaml.Write(rules));
        return path;
    }

    private string AlertmanagerConfig(string stack, string site)
    {
        var release = Repository.Program(stack).Find($"{site}-{Alerting.ReleaseName}") ?? throw new InvalidOperationException($"no Alertmanager on {site}");
        var path = Path.Combine(_directory, $"{stack}-{site}-alertmanager.yaml");
        // Debian's amtool 0.25 predates webhook `url_file` (the program's URLs live in a mounted Secret): hand it
        // the same configuration with a placeholder `url` in its place.
        var config = UrlFile().Replace(PlainYaml.Write(((ExprMap)release.Property("values")!)["config"]), "url: http://127.0.0.1/$1");
        File.WriteAllText(path, config);
        return path;
    }

    private static void AssertRoute(string config, string receiver, params string[] labels)
    {
        var (exit, output) = ExternalTool.Run("amtool", ["config", "routes", "test", "--config.file", config, $"--verify.receivers={receiver}", .. labels]);

        Assert.True(exit == 0, $"{string.Join(" ", labels)}: expected {receiver}, amtool said {output}");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"url_file: ['""]?/[^\s'""]*/([^/\s'""]+)['""]?")]
    private static partial System.Text.RegularExpressions.Regex UrlFile();
}
