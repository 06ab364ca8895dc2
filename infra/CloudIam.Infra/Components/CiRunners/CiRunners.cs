using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Platform;
using CloudIam.Pulumi.Inference;
using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Components.CiRunners;

public sealed record CiRunnersArgs
{
    public required KubernetesSite Site { get; init; }

    public required string GitlabUrl { get; init; }

    /// <summary>Runner authentication token (<c>glrt-…</c>); one runner can have managers on several sites.</summary>
    public required ConfigKey RunnerToken { get; init; }
}

/// <summary>
/// GitLab Runner with the Kubernetes executor: jobs run as pods in the <c>ci-runners</c> namespace. Its RBAC is
/// the executor's minimum, namespaced; the chart's default (every verb on every core resource) is not used.
/// </summary>
public sealed class CiRunners
{
    public const string NamespaceName = "ci-runners";
    public const string ReleaseName = "gitlab-runner";

    public CiRunners(ProgramBuilder program, CiRunnersArgs args)
    {
        var site = args.Site;
        Namespace = Tooling.Namespace(program, site, NamespaceName);
        Release = Tooling.Release(program, site, Namespace, HelmCharts.GitlabRunner, ReleaseName, Capability.CiRunners, new ExprMap
        {
            ["gitlabUrl"] = args.GitlabUrl,
            ["runnerToken"] = args.RunnerToken,
            ["concurrent"] = site.Cluster.Runners.Concurrent,
            ["replicas"] = site.Cluster.Runners.Replicas,
            ["checkInterval"] = 3,
            ["unregisterRunners"] = true,
            ["metrics"] = new ExprMap { ["enabled"] = true },
            ["serviceAccount"] = new ExprMap { ["create"] = true },
            ["rbac"] = new ExprMap
            {
                ["create"] = true,
                ["clusterWideAccess"] = false,
                ["rules"] = new ExprList(
                [
                    Rule(["pods"], ["create", "delete", "get", "list", "watch"]),
                    Rule(["pods/exec", "pods/attach"], ["create", "get"]),
                    Rule(["pods/log"], ["get", "list"]),
                    Rule(["secrets", "configmaps"], ["create", "delete", "get", "update"]),
                    Rule(["serviceaccounts"], ["get"]),
                    Rule(["events"], ["list", "watch"]),
                ]),
            },
            ["runners"] = new ExprMap { ["config"] = RunnerConfig(site) },
        });
    }

    public ToolingNamespace Namespace { get; }

    public Resource<HelmRelease> Release { get; }

    /// <summary>
    /// Runner TOML, rendered by the chart through Helm <c>tpl</c>. <c>${CI_JOB_ID}</c> is for the runner to expand
    /// per job; the emitter escapes it so Pulumi leaves it alone.
    /// </summary>
    private static string RunnerConfig(KubernetesSite site) => $$$"""
        [[runners]]
          executor = "kubernetes"
          [runners.kubernetes]
            namespace = "{{.Release.Namespace}}"
            image = "alpine:3.22"
            privileged = false
            poll_timeout = 600
            cpu_request = "500m"
            memory_request = "1Gi"
            [runners.kubernetes.pod_labels]
              "{{{CapabilityTag.Key}}}" = "{{{Capability.CiRunners}}}"
              "cloudiam.io/site" = "{{{site.Name}}}"
              "cloudiam.io/ci-job-id" = "${CI_JOB_ID}"
        """ + "\n";

    private static ExprMap Rule(string[] resources, string[] verbs) => new()
    {
        ["apiGroups"] = new ExprList([""]),
        ["resources"] = ExprList.Of(resources, resource => resource),
        ["verbs"] = ExprList.Of(verbs, verb => verb),
    };
}
