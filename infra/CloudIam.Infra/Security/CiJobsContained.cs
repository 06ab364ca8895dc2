using System.Text.RegularExpressions;
using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC015: a GitLab Runner's Kubernetes executor contains its jobs. Read from the runner's <c>config.toml</c>
/// (<c>runners.config</c>): jobs in a namespace of their own, pinned to tainted nodes, not privileged, no privilege
/// escalation, non-root, CPU and memory limits, no service-account token, an image allow-list.
/// </summary>
public sealed partial class CiJobsContained : ISecurityCheck
{
    /// <summary>Settings every executor must carry, as <c>[runners.kubernetes]</c> keys and the value they need (null: any).</summary>
    private static readonly (string Key, string? Value, string Fix)[] Required =
    [
        ("allow_privilege_escalation", "false", "allow_privilege_escalation = false"),
        ("automount_service_account_token", "false", "automount_service_account_token = false, so jobs get no API token"),
        ("run_as_non_root", "true", "[runners.kubernetes.pod_security_context] run_as_non_root = true"),
        ("cpu_limit", null, "cpu_limit, so a job cannot starve the node"),
        ("memory_limit", null, "memory_limit, so a job cannot starve the node"),
        ("allowed_images", null, "allowed_images, the images jobs may run"),
    ];

    public string Id => "SEC015";

    public string Title => "CI jobs are contained";

    public string Why =>
        "A job runs whatever a merge request says. Next to the tooling, as root, with an API token and no limits, it "
        + "can reach Loki and Alertmanager, starve Prometheus or take over its node.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program) =>
        program.OfType<HelmRelease>()
            .Where(release => Text(release.Property("chart")) == "gitlab-runner")
            .SelectMany(release => Problems(release).Select(problem => new SecurityFinding
            {
                CheckId = Id,
                Resource = release.LogicalName,
                Message = problem,
            }));

    private static IEnumerable<string> Problems(ResourceDeclaration release)
    {
        var config = Text(release.Property("values.runners.config")) ?? "";
        var jobsNamespace = Setting(config, "namespace");
        if (jobsNamespace is null || jobsNamespace.Contains("Release.Namespace", StringComparison.Ordinal)
            || jobsNamespace == Text(release.Property("namespace")))
        {
            yield return "jobs run in the runner's own namespace; set namespace to a namespace of their own";
        }

        if (Setting(config, "privileged") == "true")
        {
            yield return "privileged = true gives jobs the node";
        }

        foreach (var (key, value, fix) in Required)
        {
            var actual = Setting(config, key);
            if (actual is null || (value is not null && actual != value))
            {
                yield return $"set {fix}";
            }
        }

        foreach (var table in new[] { "node_selector", "node_tolerations" })
        {
            if (!config.Contains($"[runners.kubernetes.{table}]", StringComparison.Ordinal))
            {
                yield return $"no [runners.kubernetes.{table}]: pin jobs to the tainted CI nodes";
            }
        }
    }

    /// <summary>The value of <c>key = value</c> on a line of its own (quotes dropped), or null.</summary>
    private static string? Setting(string toml, string key) =>
        SettingLine().Matches(toml).FirstOrDefault(match => match.Groups["key"].Value == key)?.Groups["value"].Value.Trim().Trim('"');

    [GeneratedRegex(@"^\s*(?<key>[a-z_]+)\s*=\s*(?<value>.+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex SettingLine();
}
