using System.Collections.Immutable;
using CloudIam.Pulumi.Watching;

namespace CloudIam.Infra.Stacks;

/// <summary>
/// One stack's settings (keys <c>cloudiam-infra:&lt;key&gt;</c>). Secret keys are known by name only: their
/// values are never read, the program references them as <c>${key}</c> and Pulumi keeps them encrypted.
/// </summary>
public sealed record StackConfig
{
    public required string Stack { get; init; }

    /// <summary>The stack file, or <c>PULUMI_CONFIG</c>, for messages.</summary>
    public required string Source { get; init; }

    /// <summary>Which clusters exist where; each one becomes a site of its provider.</summary>
    public required ImmutableArray<ClusterConfig> Clusters { get; init; }

    /// <summary>Source ranges allowed to reach the Kubernetes API servers (VPN, CI egress).</summary>
    public required ImmutableArray<Ipv4Cidr> ApiAllowList { get; init; }

    public required string GitlabUrl { get; init; }

    public required AlertingConfig Alerting { get; init; }

    /// <summary>Customer deployments every status page probes, with where they run: the design watches them.</summary>
    public ImmutableArray<CustomerDeployment> Deployments { get; init; } = [];

    public const string DefaultMetricsRetention = "15d";

    /// <summary>Prometheus retention, a Prometheus duration.</summary>
    public string MetricsRetention { get; init; } = DefaultMetricsRetention;

    /// <summary>The deployments and where each receiver's endpoint is hosted: what the design adds for PL004 and simulate.</summary>
    public WatchList Watching => new()
    {
        Deployments = Deployments,
        Receivers = [.. Alerting.Receivers.Select(receiver => new ReceiverHost { Name = receiver.Name, Provider = receiver.Provider, Region = receiver.Region })],
    };

    /// <summary>Protects clusters and buckets from <c>pulumi destroy</c> and keeps cluster volumes on deletion.</summary>
    public bool Protect { get; init; }

    /// <summary>Every secret key the program references; each must be set with <c>pulumi config set --secret</c>.</summary>
    public ImmutableArray<string> SecretKeys =>
        [.. new[] { StackConfigKeys.RunnerToken, StackConfigKeys.GrafanaAdminPassword }
            .Concat(Alerting.Receivers.Select(receiver => receiver.WebhookUrlSecret))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
}

/// <summary>A Kubernetes cluster and the tooling it runs, on one provider and region.</summary>
public sealed record ClusterConfig
{
    /// <summary>Short DNS-label name, prefix of every logical name of the site (<c>scw-par</c>).</summary>
    public required string Name { get; init; }

    /// <summary>A provider that has a site class: <c>scaleway</c>, <c>aws</c>.</summary>
    public required string Provider { get; init; }

    public required string Region { get; init; }

    /// <summary>Zones nodes run in, one node pool or subnet per zone.</summary>
    public required ImmutableArray<string> Zones { get; init; }

    /// <summary><c>1.35</c> (Kapsule auto-upgrades patches) or <c>1.35.3</c>.</summary>
    public required string KubernetesVersion { get; init; }

    /// <summary>Provider instance type (<c>PRO2-S</c>, <c>m6i.large</c>).</summary>
    public required string NodeType { get; init; }

    /// <summary>Nodes per zone.</summary>
    public required int NodeCount { get; init; }

    /// <summary>Autoscaling ceiling per zone; equal to <see cref="NodeCount"/> when autoscaling is off.</summary>
    public required int MaxNodeCount { get; init; }

    /// <summary>The site's address space (private network, VPC).</summary>
    public required Ipv4Cidr NetworkCidr { get; init; }

    /// <summary>DNS zone under which the site's tooling is published (<c>grafana.&lt;domain&gt;</c>).</summary>
    public required string ToolingDomain { get; init; }

    /// <summary>Replicas of the tooling that can run several (Alertmanager).</summary>
    public int Replicas { get; init; } = 1;

    public required RunnerConfig Runners { get; init; }

    /// <summary>Tooling capabilities placed on this cluster; all of them unless the stack narrows it.</summary>
    public required ImmutableArray<string> Capabilities { get; init; }

    public bool Runs(string capability) => Capabilities.Contains(capability);
}

public sealed record RunnerConfig
{
    public int Replicas { get; init; } = 1;

    /// <summary>Jobs one runner manager runs at once (<c>values.concurrent</c>, the capacity the policy counts).</summary>
    public required int Concurrent { get; init; }
}

public sealed record AlertingConfig
{
    public required string DefaultReceiver { get; init; }

    public required ImmutableArray<AlertReceiver> Receivers { get; init; }

    public ImmutableArray<AlertRoute> Routes { get; init; } = [];

}

/// <summary>A webhook receiver; its URL is a secret config key.</summary>
public sealed record AlertReceiver
{
    public required string Name { get; init; }

    /// <summary>Name of the secret config key holding the webhook URL.</summary>
    public required string WebhookUrlSecret { get; init; }

    /// <summary>
    /// The provider hosting the endpoint the webhook reaches (a self-hosted chat on Scaleway); null for a
    /// service off every provider of the design. Stated because the URL itself is a secret.
    /// </summary>
    public string? Provider { get; init; }

    public string? Region { get; init; }
}

public sealed record AlertRoute
{
    public required string Receiver { get; init; }

    /// <summary>Alertmanager matchers such as <c>severity="critical"</c>.</summary>
    public required ImmutableArray<string> Matchers { get; init; }
}

/// <summary>Names of the project config keys (without the <c>cloudiam-infra:</c> namespace).</summary>
public static class StackConfigKeys
{
    public const string Namespace = "cloudiam-infra";
    public const string Clusters = "clusters";
    public const string ApiAllowList = "apiAllowList";
    public const string GitlabUrl = "gitlabUrl";
    public const string Alerting = "alerting";
    public const string Deployments = "deployments";
    public const string MetricsRetention = "metricsRetention";
    public const string Protect = "protect";
    public const string RunnerToken = "runnerToken";
    public const string GrafanaAdminPassword = "grafanaAdminPassword";

    /// <summary>The non-secret keys; a secret may not reuse one of these names.</summary>
    public static ImmutableArray<string> Settings { get; } =
        [Clusters, ApiAllowList, GitlabUrl, Alerting, Deployments, MetricsRetention, Protect];
}
