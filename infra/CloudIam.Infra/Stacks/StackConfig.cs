using System.Collections.Immutable;
using System.Text.RegularExpressions;
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

    /// <summary>
    /// IAM roles admitted to the EKS clusters as cluster administrators (the deploy role, on-call's role); nobody
    /// else is, not even whoever created the cluster.
    /// </summary>
    public ImmutableArray<string> ClusterAdmins { get; init; } = [];

    public required string GitlabUrl { get; init; }

    /// <summary>Where the bootstrap program keeps the Pulumi state; null when the stack does not declare it.</summary>
    public StateConfig? State { get; init; }

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

    /// <summary>How the tooling is published (controller, certificates, DNS, login); null publishes nothing.</summary>
    public ExposureConfig? Exposure { get; init; }

    /// <summary>Protects clusters and buckets from <c>pulumi destroy</c> and keeps cluster volumes on deletion.</summary>
    public bool Protect { get; init; }

    /// <summary>
    /// The stack file's <c>secretsprovider</c> (<c>passphrase</c>, <c>awskms://…</c>); null when it names none,
    /// which for a self-managed backend means the passphrase provider.
    /// </summary>
    public string? SecretsProvider { get; init; }

    /// <summary>Every secret key the program references; each must be set with <c>pulumi config set --secret</c>.</summary>
    public ImmutableArray<string> SecretKeys =>
        [.. new[] { StackConfigKeys.RunnerToken, StackConfigKeys.GrafanaAdminPassword, StackConfigKeys.ToolingReadPassword }
            .Concat(Alerting.Receivers.Select(receiver => receiver.WebhookUrlSecret))
            .Concat(Exposure is null ? [] : ExposureConfig.SecretKeys)
            .Concat(Clusters.Select(cluster => cluster.HeartbeatUrlSecret).OfType<string>())
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

    /// <summary>
    /// Secret config key of the dead man's switch URL this site's Watchdog pings (an external heartbeat check): when the
    /// site's alerting goes silent, the pings stop and that service pages on-call.
    /// </summary>
    public string? HeartbeatUrlSecret { get; init; }

    public VolumeSizes Volumes { get; init; } = new();
}

/// <summary>Persistent volume sizes of the tooling that keeps data (Kubernetes quantities).</summary>
public sealed record VolumeSizes
{
    public string Prometheus { get; init; } = "50Gi";

    public string Loki { get; init; } = "50Gi";

    public string Alertmanager { get; init; } = "1Gi";

    public string Grafana { get; init; } = "5Gi";

    public string StatusPage { get; init; } = "1Gi";
}

/// <summary>The state buckets the bootstrap program manages (<c>cloudiam-infra:state</c>).</summary>
public sealed record StateConfig
{
    /// <summary>Globally unique bucket name prefix (<c>cloudiam-pulumi-state</c>).</summary>
    public required string BucketPrefix { get; init; }

    public required string AwsRegion { get; init; }

    /// <summary>Region of the replica bucket, another region than <see cref="AwsRegion"/>.</summary>
    public required string AwsReplicaRegion { get; init; }

    public required string ScalewayRegion { get; init; }

    /// <summary>The only IAM role allowed to read and write the AWS state bucket (the deploy role).</summary>
    public required string DeployRoleArn { get; init; }

    /// <summary>The Scaleway IAM application (UUID) the deploy pipeline authenticates as.</summary>
    public required string ScalewayDeployApplicationId { get; init; }
}

public sealed record RunnerConfig
{
    public int Replicas { get; init; } = 1;

    /// <summary>Jobs one runner manager runs at once (<c>values.concurrent</c>, the capacity the policy counts).</summary>
    public required int Concurrent { get; init; }
}

public sealed record AlertingConfig
{
    /// <summary>The receiver of the always-firing Watchdog: the site's dead man's switch URL.</summary>
    public const string DeadMansSwitch = "dead-mans-switch";

    /// <summary>A receiver that notifies nobody (for InfoInhibitor).</summary>
    public const string Blackhole = "blackhole";

    /// <summary>Receivers the program always adds; stack config cannot reuse their names.</summary>
    public static readonly ImmutableArray<string> ReservedReceivers = [DeadMansSwitch, Blackhole];

    public required string DefaultReceiver { get; init; }

    public required ImmutableArray<AlertReceiver> Receivers { get; init; }

    public ImmutableArray<AlertRoute> Routes { get; init; } = [];

    /// <summary>Where an alert with these labels lands: the first route it takes, else the default receiver.</summary>
    public string ReceiverOf(IReadOnlyDictionary<string, string> labels) =>
        Routes.FirstOrDefault(route => route.Takes(labels))?.Receiver ?? DefaultReceiver;
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

    /// <summary>True when an alert with these labels takes this route: every matcher holds, as in Alertmanager.</summary>
    public bool Takes(IReadOnlyDictionary<string, string> labels) =>
        Matchers.All(matcher => AlertMatcher.Parse(matcher) is { } parsed && parsed.Holds(labels));
}

/// <summary>One Alertmanager matcher (<c>severity="critical"</c>, <c>team!=db</c>, <c>alertname=~"Deploy.*"</c>).</summary>
public sealed partial record AlertMatcher(string Label, string Operator, string Value)
{
    /// <summary>Null when <paramref name="text"/> is not a matcher.</summary>
    public static AlertMatcher? Parse(string text) =>
        Syntax().Match(text) is { Success: true } match
            ? new AlertMatcher(match.Groups["label"].Value, match.Groups["op"].Value, match.Groups["quoted"].Success ? match.Groups["quoted"].Value : match.Groups["bare"].Value)
            : null;

    /// <summary>A missing label is the empty string, and Alertmanager anchors regular expressions.</summary>
    public bool Holds(IReadOnlyDictionary<string, string> labels)
    {
        var actual = labels.GetValueOrDefault(Label, "");
        return Operator switch
        {
            "=" => actual == Value,
            "!=" => actual != Value,
            "=~" => Regex.IsMatch(actual, $"^(?:{Value})$", RegexOptions.None, TimeSpan.FromSeconds(1)),
            _ => !Regex.IsMatch(actual, $"^(?:{Value})$", RegexOptions.None, TimeSpan.FromSeconds(1)),
        };
    }

    [GeneratedRegex("""^\s*(?<label>[a-zA-Z_][a-zA-Z0-9_]*)\s*(?<op>=~|!~|!=|=)\s*(?:"(?<quoted>[^"\\]*)"|(?<bare>[^"\s]*))\s*$""")]
    private static partial Regex Syntax();
}

/// <summary>
/// Stack key <c>exposure</c>: who serves which DNS zone, the ACME account, the GitLab application behind the login,
/// and the public status host.
/// </summary>
public sealed record ExposureConfig
{
    public const string OauthClientSecret = "oauthClientSecret";
    public const string OauthCookieSecret = "oauthCookieSecret";
    public const string AcmeRoute53SecretKey = "acmeRoute53SecretKey";

    /// <summary>The secrets exposure needs: the GitLab application's secret, the login cookie key, the DNS-01 key.</summary>
    public static ImmutableArray<string> SecretKeys { get; } = [OauthClientSecret, OauthCookieSecret, AcmeRoute53SecretKey];

    /// <summary>Let's Encrypt account address (expiry notices).</summary>
    public required string AcmeEmail { get; init; }

    /// <summary>The host both status pages serve (<c>status.cloud-iam.com</c>) behind health-checked DNS failover.</summary>
    public required string StatusHost { get; init; }

    /// <summary>The GitLab application (scopes <c>openid email</c>) oauth2-proxy signs people in with.</summary>
    public required string OauthClientId { get; init; }

    /// <summary>GitLab groups whose members may sign in; empty lets any user of the GitLab instance in.</summary>
    public ImmutableArray<string> AllowedGroups { get; init; } = [];

    /// <summary>A Route 53-only zone the DNS-01 challenges of the status host are delegated to by CNAME.</summary>
    public required string AcmeChallengeZone { get; init; }

    /// <summary>Access key ID of the IAM user cert-manager writes challenge records with (its secret is secret config).</summary>
    public required string AcmeRoute53AccessKeyId { get; init; }

    /// <summary>Which DNS provider serves which zone; a zone listed twice is served by both (both sets of name servers delegated).</summary>
    public required ImmutableArray<DnsZoneConfig> Zones { get; init; }

    /// <summary>Every provider's copy of the zone a host is in (the longest zone name that is a suffix of the host).</summary>
    public ImmutableArray<DnsZoneConfig> ZonesOf(string host)
    {
        var name = Zones.Where(zone => host == zone.Name || host.EndsWith("." + zone.Name, StringComparison.Ordinal))
            .Select(zone => zone.Name).MaxBy(zone => zone.Length);
        return [.. Zones.Where(zone => zone.Name == name)];
    }
}

public sealed record DnsZoneConfig
{
    public required string Name { get; init; }

    /// <summary>A provider with a site class; its DNS service (Scaleway DNS, Route 53) serves the zone.</summary>
    public required string Provider { get; init; }

    /// <summary>Route 53 hosted zone ID; Scaleway zones are addressed by name.</summary>
    public string? HostedZoneId { get; init; }

    /// <summary>The record name relative to this zone (<c>""</c> for the apex).</summary>
    public string Relative(string host) => host == Name ? "" : host[..^(Name.Length + 1)];
}

/// <summary>Names of the project config keys (without the <c>cloudiam-infra:</c> namespace).</summary>
public static class StackConfigKeys
{
    public const string Namespace = "cloudiam-infra";
    public const string Clusters = "clusters";
    public const string ApiAllowList = "apiAllowList";
    public const string ClusterAdmins = "clusterAdmins";
    public const string State = "state";
    public const string GitlabUrl = "gitlabUrl";
    public const string Alerting = "alerting";
    public const string Deployments = "deployments";
    public const string MetricsRetention = "metricsRetention";
    public const string Protect = "protect";
    public const string Exposure = "exposure";
    public const string RunnerToken = "runnerToken";
    public const string GrafanaAdminPassword = "grafanaAdminPassword";

    /// <summary>Password each Grafana sends (user <c>grafana</c>) to read the other sites' Prometheus and Loki through their public hosts.</summary>
    public const string ToolingReadPassword = "toolingReadPassword";

    /// <summary>The non-secret keys; a secret may not reuse one of these names.</summary>
    public static ImmutableArray<string> Settings { get; } =
        [Clusters, ApiAllowList, ClusterAdmins, State, GitlabUrl, Alerting, Deployments, MetricsRetention, Protect, Exposure];
}
