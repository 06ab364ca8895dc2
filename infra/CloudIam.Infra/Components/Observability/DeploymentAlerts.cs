using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Components.Observability;

/// <summary>
/// The alert rules on the status page's deployment probes, evaluated by each site's Prometheus from the Gatus
/// results it scrapes, and the settings that decide how fast they page (<see cref="AlertPaths"/> adds them up).
/// Both sites raise the same alert name with the same <c>deployment</c> label; only <c>site</c> (Prometheus'
/// external label) differs, so on-call sees two pages for one failure, told apart by where they come from.
/// </summary>
public static class DeploymentAlerts
{
    public const string DeploymentDown = "DeploymentDown";
    public const string DeploymentProbesMissing = "DeploymentProbesMissing";

    /// <summary>Two failed probes in a row before paging: one lost packet must not wake anybody.</summary>
    public static readonly TimeSpan DownFor = TimeSpan.FromMinutes(2);

    /// <summary>The labels a deployment failure pages with (besides the per-deployment ones): what the routes match.</summary>
    public static IReadOnlyDictionary<string, string> DownLabels { get; } = new Dictionary<string, string>
    {
        ["alertname"] = DeploymentDown,
        ["severity"] = "critical",
    };

    /// <summary>The Gatus endpoint group of the customer deployments (<see cref="StatusPage.StatusPage"/>).</summary>
    public const string ProbeGroup = "deployments";

    /// <summary>
    /// kube-prometheus-stack <c>additionalPrometheusRulesMap</c> (rendered with toYaml, so the <c>{{ }}</c>
    /// templates reach Prometheus untouched). <paramref name="runbooks"/> is the base URL of the runbooks.
    /// </summary>
    public static ExprMap RulesMap(string runbooks) => new()
    {
        ["deployment-probes"] = new ExprMap
        {
            ["groups"] = new ExprList([new ExprMap { ["name"] = "deployment-probes", ["rules"] = Rules(runbooks) }]),
        },
    };

    public static ExprList Rules(string runbooks) =>
    [
        new ExprMap
        {
            ["alert"] = DeploymentDown,
            ["expr"] = $"gatus_results_endpoint_success{{group=\"{ProbeGroup}\"}} == 0",
            ["for"] = Prometheus(DownFor),
            ["labels"] = new ExprMap { ["severity"] = DownLabels["severity"], ["deployment"] = "{{ $labels.name }}" },
            ["annotations"] = new ExprMap
            {
                ["summary"] = "{{ $labels.name }} fails its probe",
                ["description"] = "The status page's probe of {{ $labels.name }} has failed for " + Prometheus(DownFor) + ". The other site probes it too: one page from each site means the deployment is down, a page from one site only points at that site's network.",
                ["runbook_url"] = $"{runbooks}#{DeploymentDown.ToLowerInvariant()}",
            },
        },
        new ExprMap
        {
            ["alert"] = DeploymentProbesMissing,
            ["expr"] = $"absent(gatus_results_endpoint_success{{group=\"{ProbeGroup}\"}})",
            ["for"] = "10m",
            ["labels"] = new ExprMap { ["severity"] = "warning" },
            ["annotations"] = new ExprMap
            {
                ["summary"] = "No deployment probe results reach Prometheus",
                ["description"] = "Gatus is down or no longer scraped: deployment failures would page from the other site only.",
                ["runbook_url"] = $"{runbooks}#{DeploymentProbesMissing.ToLowerInvariant()}",
            },
        },
    ];

    /// <summary>A Prometheus/Alertmanager duration (<c>2m</c>, <c>30s</c>).</summary>
    public static string Prometheus(TimeSpan duration) => CloudIam.Placement.Design.Durations.Format(duration);
}
