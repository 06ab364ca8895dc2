using System.Collections.Immutable;
using CloudIam.Pulumi.Inference;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Capabilities;

/// <summary>
/// The capability every resource carries (<see cref="CapabilityTag.Key"/>): placement inference counts
/// instances of a capability by this tag, label or Helm <c>values.commonLabels</c> entry.
/// </summary>
public static class Capability
{
    public const string Metrics = "metrics";
    public const string Logs = "logs";
    public const string Alerting = "alerting";
    public const string Dashboards = "dashboards";
    public const string StatusPage = "status-page";
    public const string CiRunners = "ci-runners";

    /// <summary>Shared infrastructure the tooling runs on: networks, clusters, pools, IAM roles, namespaces, buckets.</summary>
    public const string Platform = "platform";

    public static ImmutableArray<string> Tooling { get; } = [Metrics, Logs, Alerting, Dashboards, StatusPage, CiRunners];

    /// <summary>AWS tags, Kubernetes labels, Scaleway bucket tags.</summary>
    public static ImmutableSortedDictionary<string, string> Map(string capability) =>
        ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal).Add(CapabilityTag.Key, capability);

    /// <summary>Scaleway's <c>key=value</c> tag list.</summary>
    public static ImmutableArray<string> TagList(string capability) => [$"{CapabilityTag.Key}={capability}"];

    /// <summary>Helm <c>commonLabels</c>.</summary>
    public static ExprMap HelmLabels(string capability) => new() { [CapabilityTag.Key] = capability };
}
