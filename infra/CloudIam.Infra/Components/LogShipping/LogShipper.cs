using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Platform;
using CloudIam.Pulumi.Inference;
using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Components.LogShipping;

public sealed record LogShipperArgs
{
    public required KubernetesSite Site { get; init; }

    public required ToolingNamespace Namespace { get; init; }

    /// <summary>The site's Loki; logs stay on the side that produced them, so one side's outage loses only its own.</summary>
    public required InClusterService Loki { get; init; }
}

/// <summary>
/// Grafana Alloy as a DaemonSet: every node tails its pods' log files and pushes them to the site's Loki with the
/// labels <c>site</c>, <c>capability</c> (the pod's <c>cloudiam.io/capability</c>), <c>namespace</c>, <c>pod</c> and
/// <c>container</c>. Promtail, the former choice, reached end of life.
/// </summary>
public sealed class LogShipper
{
    public const string ReleaseName = "alloy";

    public LogShipper(ProgramBuilder program, LogShipperArgs args)
    {
        var site = args.Site;

        // Platform, not logs: the shipper stores nothing, and counting it as a logs instance would keep logs "up" on a
        // site whose Loki is gone.
        Release = Tooling.Release(program, site, args.Namespace, HelmCharts.Alloy, ReleaseName, Capability.Platform, new ExprMap
        {
            ["controller"] = new ExprMap { ["type"] = "daemonset" },
            ["alloy"] = new ExprMap
            {
                ["mounts"] = new ExprMap { ["varlog"] = true },
                ["configMap"] = new ExprMap { ["create"] = true, ["content"] = Config(site.Name, $"{args.Loki.Url}/loki/api/v1/push") },
            },
        });
        Target = args.Loki;
    }

    public Resource<HelmRelease> Release { get; }

    public InClusterService Target { get; }

    /// <summary>
    /// Alloy configuration. Discovery keeps the pods of this node only (the chart sets <c>HOSTNAME</c> to the node
    /// name), so each log line is shipped once however many nodes there are.
    /// </summary>
    public static string Config(string site, string pushUrl) => $$"""
        discovery.kubernetes "pods" {
          role = "pod"
          selectors {
            role  = "pod"
            field = "spec.nodeName=" + sys.env("HOSTNAME")
          }
        }

        discovery.relabel "pods" {
          targets = discovery.kubernetes.pods.targets
          rule {
            source_labels = ["__meta_kubernetes_namespace"]
            target_label  = "namespace"
          }
          rule {
            source_labels = ["__meta_kubernetes_pod_name"]
            target_label  = "pod"
          }
          rule {
            source_labels = ["__meta_kubernetes_pod_container_name"]
            target_label  = "container"
          }
          rule {
            source_labels = ["__meta_kubernetes_pod_label_{{CapabilityTag.Key.Replace('.', '_').Replace('/', '_')}}"]
            target_label  = "capability"
          }
          rule {
            source_labels = ["__meta_kubernetes_pod_uid", "__meta_kubernetes_pod_container_name"]
            separator     = "/"
            target_label  = "__path__"
            replacement   = "/var/log/pods/*$1/*.log"
          }
        }

        local.file_match "pods" {
          path_targets = discovery.relabel.pods.output
        }

        loki.source.file "pods" {
          targets    = local.file_match.pods.targets
          forward_to = [loki.write.site.receiver]
        }

        loki.write "site" {
          endpoint {
            url = "{{pushUrl}}"
          }
          external_labels = { site = "{{site}}" }
        }

        """;
}
