using System.Collections.Immutable;
using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Components.Isolation;
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
/// GitLab Runner with the Kubernetes executor. The runner manager lives in <c>ci-runners</c>; jobs run in their own
/// namespace <c>ci-jobs</c>, on the tainted CI node pool, as non-root without privilege escalation, with CPU and
/// memory limits, without a service-account token and only from the allowed images. The manager's RBAC is a Role in
/// the jobs namespace with the executor's minimum; the chart's RBAC (every verb on every resource) is not used.
/// Executor keys follow https://docs.gitlab.com/runner/executors/kubernetes/ (config.toml <c>[runners.kubernetes]</c>).
/// </summary>
public sealed class CiRunners
{
    public const string NamespaceName = "ci-runners";
    public const string JobsNamespaceName = "ci-jobs";
    public const string ReleaseName = "gitlab-runner";

    /// <summary>Images jobs may use; anything else fails before the pod exists.</summary>
    public static readonly ImmutableArray<string> AllowedImages =
        ["registry.gitlab.com/cloud-iam/*", "docker.io/library/alpine:*", "docker.io/pulumi/pulumi:*", "mcr.microsoft.com/dotnet/sdk:*"];

    /// <summary>The chart names the manager's service account after the release.</summary>
    private const string ServiceAccountName = ReleaseName;

    /// <summary>The runner manager's Prometheus endpoint (<c>listen_address</c> the chart sets with <c>metrics.enabled</c>).</summary>
    private const int MetricsPort = 9252;

    public CiRunners(ProgramBuilder program, CiRunnersArgs args)
    {
        var site = args.Site;
        Namespace = Tooling.Namespace(program, site, NamespaceName, new NamespaceIsolation
        {
            PodSecurity = PodSecurityLevel.Baseline,
            Reason = "the gitlab-runner chart's security context is not verified against restricted (seccompProfile)",
            Flows =
            [
                Flow.ToInternet("gitlab", "the runner manager polls GitLab for jobs over HTTPS; public addresses only", FlowPort.Tcp(443)),
                Flow.ToApiServer("the runner manager creates the job pods in ci-jobs and attaches to them through the Kubernetes API"),
                Observability.Observability.ScrapedBy("the runner manager's metrics", MetricsPort),
            ],
        });
        JobsNamespace = Tooling.Namespace(program, site, JobsNamespaceName, new NamespaceIsolation
        {
            PodSecurity = PodSecurityLevel.Baseline,
            Reason = "the executor sets no seccomp profile on job pods; non-root and no escalation are enforced by the runner config",
            Flows =
            [
                Flow.ToInternet(
                    "internet",
                    "jobs fetch sources, packages and images and call cloud APIs at any port; only public addresses, "
                        + "so no job reaches Loki, Alertmanager, Prometheus, the nodes or the instance metadata"),
            ],
        });
        // The RBAC objects and the job pool are platform: the runner release is the one ci-runners instance per site.
        var role = program.Add(site.LogicalName("gitlab-runner-jobs-role"), new RbacRole
        {
            Metadata = new ObjectMeta { Name = ReleaseName, Namespace = JobsNamespace.Resource.MetadataName(), Labels = Capability.Map(Capability.Platform) },
            Rules =
            [
                Rule(["pods"], ["create", "delete", "get", "list", "watch"]),
                Rule(["pods/exec", "pods/attach"], ["create", "get"]),
                Rule(["pods/log"], ["get", "list"]),
                Rule(["secrets", "configmaps"], ["create", "delete", "get", "update"]),
                Rule(["serviceaccounts"], ["get"]),
                Rule(["events"], ["list", "watch"]),
            ],
        }, new ResourceOptions { Provider = site.Kubernetes, Parent = JobsNamespace.Resource });
        program.Add(site.LogicalName("gitlab-runner-jobs-binding"), new RbacRoleBinding
        {
            Metadata = new ObjectMeta { Name = ReleaseName, Namespace = JobsNamespace.Resource.MetadataName(), Labels = Capability.Map(Capability.Platform) },
            RoleRef = new RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = ReleaseName },
            Subjects = [new RbacSubject { Kind = "ServiceAccount", Name = ServiceAccountName, Namespace = Namespace.Resource.MetadataName() }],
        }, new ResourceOptions { Provider = site.Kubernetes, Parent = role });
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
            // The Role above, in the jobs namespace, is all the manager gets.
            ["rbac"] = new ExprMap { ["create"] = false },
            ["runners"] = new ExprMap { ["config"] = RunnerConfig(site) },
        });
    }

    public ToolingNamespace Namespace { get; }

    public ToolingNamespace JobsNamespace { get; }

    public Resource<HelmRelease> Release { get; }

    /// <summary>
    /// Runner TOML, rendered by the chart through Helm <c>tpl</c>. <c>${CI_JOB_ID}</c> is for the runner to expand
    /// per job; the emitter escapes it so Pulumi leaves it alone. Limits keep a job from starving the node; the
    /// <c>*_overwrite_max_allowed</c> keys are left unset, so a job cannot raise them.
    /// </summary>
    private static string RunnerConfig(KubernetesSite site) => $$$"""
        [[runners]]
          executor = "kubernetes"
          [runners.kubernetes]
            namespace = "{{{JobsNamespaceName}}}"
            image = "docker.io/library/alpine:3.22"
            allowed_images = [{{{TomlList(AllowedImages)}}}]
            privileged = false
            allow_privilege_escalation = false
            automount_service_account_token = false
            poll_timeout = 600
            cpu_request = "500m"
            cpu_limit = "2"
            memory_request = "1Gi"
            memory_limit = "4Gi"
            helper_cpu_limit = "500m"
            helper_memory_limit = "512Mi"
            service_cpu_limit = "1"
            service_memory_limit = "1Gi"
            [runners.kubernetes.pod_security_context]
              run_as_non_root = true
              run_as_user = 1000
              run_as_group = 1000
              fs_group = 1000
            [runners.kubernetes.build_container_security_context.capabilities]
              drop = ["ALL"]
            [runners.kubernetes.node_selector]
              "{{{CiJobNodes.LabelKey}}}" = "{{{CiJobNodes.PoolName}}}"
            [runners.kubernetes.node_tolerations]
              "{{{CiJobNodes.TaintKey}}}={{{CiJobNodes.TaintValue}}}" = "{{{CiJobNodes.TaintEffect}}}"
            [runners.kubernetes.pod_labels]
              "{{{CapabilityTag.Key}}}" = "{{{Capability.CiRunners}}}"
              "cloudiam.io/site" = "{{{site.Name}}}"
              "cloudiam.io/ci-job-id" = "${CI_JOB_ID}"
        """ + "\n";

    private static string TomlList(IEnumerable<string> items) => string.Join(", ", items.Select(item => $"\"{item}\""));

    private static PolicyRule Rule(string[] resources, string[] verbs) => new()
    {
        ApiGroups = [""],
        Resources = [.. resources],
        Verbs = [.. verbs],
    };
}
