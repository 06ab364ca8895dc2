using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using CloudIam.Infra.Capabilities;
using CloudIam.Placement;
using CloudIam.Pulumi.Watching;

namespace CloudIam.Infra.Stacks;

/// <summary>
/// Turns the project's config keys into a <see cref="StackConfig"/>, rejecting anything a person should fix
/// with a <see cref="BadInputException"/> that names the source and the node's location.
/// </summary>
internal sealed partial class StackConfigBinder(string source, ClusterProviders providers)
{

    /// <param name="keys">The project namespace's keys, namespace stripped, with the node of the whole config section.</param>
    /// <param name="secretsDecrypted">True for PULUMI_CONFIG, where secret values arrive as plaintext and are skipped unread.</param>
    public StackConfig Bind(string stack, ConfigMap keys, bool secretsDecrypted)
    {
        var fields = new Fields(this, keys, "the stack config");
        var config = new StackConfig
        {
            Stack = stack,
            Source = source,
            Clusters = Clusters(fields.Required(StackConfigKeys.Clusters)),
            ApiAllowList = [.. List(fields.Required(StackConfigKeys.ApiAllowList), "apiAllowList").Items.Select(Cidr)],
            ClusterAdmins = fields.Optional(StackConfigKeys.ClusterAdmins) is { } admins
                ? [.. List(admins, "clusterAdmins").Items.Select(admin => Matching(admin, "a clusterAdmins entry", RoleArnPattern(), "an IAM role ARN such as arn:aws:iam::123456789012:role/deploy"))]
                : [],
            GitlabUrl = Url(fields.Required(StackConfigKeys.GitlabUrl), "gitlabUrl"),
            State = fields.Optional(StackConfigKeys.State) is { } state ? State(state) : null,
            Alerting = Alerting(fields.Required(StackConfigKeys.Alerting)),
            Deployments = fields.Optional(StackConfigKeys.Deployments) is { } deployments ? Deployments(deployments) : [],
            MetricsRetention = fields.Optional(StackConfigKeys.MetricsRetention) is { } retention
                ? Matching(retention, "metricsRetention", DurationPattern(), "a Prometheus duration such as 15d")
                : StackConfig.DefaultMetricsRetention,
            Protect = fields.Optional(StackConfigKeys.Protect) is { } protect && Bool(protect, "protect"),
        };
        config = config with { Exposure = fields.Optional(StackConfigKeys.Exposure) is { } exposure ? Exposure(exposure, config.Clusters) : null };

        foreach (var secretKey in config.SecretKeys)
        {
            var node = fields.Optional(secretKey, secret: true);
            if (node is not null and not ConfigSecure && !secretsDecrypted)
            {
                throw Error(node, $"'{secretKey}' is a secret: store it with `pulumi config set --secret {secretKey}`, never in plaintext");
            }
        }

        fields.RejectUnknown();
        return config;
    }

    public BadInputException Error(ConfigNode node, string problem) => new(source, node.Location, problem);

    private ImmutableArray<ClusterConfig> Clusters(ConfigNode node)
    {
        var list = List(node, "clusters");
        if (list.Items.IsEmpty)
        {
            throw Error(list, "at least one cluster is needed");
        }

        var clusters = list.Items.Select(Cluster).ToImmutableArray();
        if (clusters.GroupBy(cluster => cluster.Name).FirstOrDefault(group => group.Count() > 1) is { } duplicate)
        {
            throw Error(list, $"cluster name '{duplicate.Key}' is used twice");
        }

        return clusters;
    }

    private ClusterConfig Cluster(ConfigNode node)
    {
        var fields = new Fields(this, Map(node, "a cluster"), "a cluster");
        var providerNode = fields.Required("provider");
        var provider = String(providerNode, "provider");
        var minZones = providers.MinZones(provider)
            ?? throw Error(providerNode, $"unknown provider '{provider}'; known providers: {string.Join(", ", providers.Names)}");
        var region = String(fields.Required("region"), "region");
        var zonesNode = List(fields.Required("zones"), "zones");
        // Zones name subnets and pools (logical names), so they are DNS labels like the zones of every cloud.
        var zones = zonesNode.Items.Select(zone => Matching(zone, "zone", ZonePattern(), "a zone name such as fr-par-1 or eu-west-3a")).ToImmutableArray();
        if (zones.Length < minZones)
        {
            throw Error(zonesNode, $"{provider} needs at least {minZones} zone(s)");
        }

        if (zones.FirstOrDefault(zone => !zone.StartsWith(region, StringComparison.Ordinal)) is { } strayZone)
        {
            throw Error(zonesNode, $"zone '{strayZone}' is not in region '{region}'");
        }

        var nodeCount = Int(fields.Required("nodeCount"), "nodeCount", 1);
        var networkNode = fields.Required("networkCidr");
        var network = Cidr(networkNode);
        if (network.PrefixLength is < 8 or > 24)
        {
            throw Error(networkNode, "networkCidr must be between /8 and /24 so that subnets can be carved from it");
        }

        var runners = new Fields(this, Map(fields.Required("runners"), "runners"), "runners");
        var cluster = new ClusterConfig
        {
            Name = Matching(fields.Required("name"), "name", SiteNamePattern(), "a short DNS label such as scw-par"),
            Provider = provider,
            Region = region,
            Zones = zones,
            KubernetesVersion = Version(fields.Required("kubernetesVersion"), "kubernetesVersion"),
            NodeType = String(fields.Required("nodeType"), "nodeType"),
            NodeCount = nodeCount,
            MaxNodeCount = fields.Optional("maxNodeCount") is { } max ? Int(max, "maxNodeCount", nodeCount) : nodeCount,
            NetworkCidr = network,
            ToolingDomain = Matching(fields.Required("toolingDomain"), "toolingDomain", DomainPattern(), "a DNS name"),
            Replicas = fields.Optional("replicas") is { } replicas ? Int(replicas, "replicas", 1) : 1,
            Runners = new RunnerConfig
            {
                Concurrent = Int(runners.Required("concurrent"), "concurrent", 1),
                Replicas = runners.Optional("replicas") is { } runnerReplicas ? Int(runnerReplicas, "replicas", 0) : 1,
            },
            Capabilities = fields.Optional("capabilities") is { } capabilities ? Capabilities(capabilities) : Capability.Tooling,
            HeartbeatUrlSecret = fields.Optional("heartbeatUrlSecret") is { } heartbeat ? SecretKey(heartbeat, "heartbeatUrlSecret") : null,
            Volumes = fields.Optional("volumes") is { } volumes ? Volumes(volumes) : new VolumeSizes(),
        };
        if (cluster.Runs(Capability.Alerting) && cluster.HeartbeatUrlSecret is null)
        {
            throw Error(node, $"cluster '{cluster.Name}' runs alerting: set 'heartbeatUrlSecret', the secret config key of the URL its Watchdog pings");
        }

        runners.RejectUnknown();
        fields.RejectUnknown();
        return cluster;
    }

    private VolumeSizes Volumes(ConfigNode node)
    {
        var fields = new Fields(this, Map(node, "volumes"), "volumes");
        var defaults = new VolumeSizes();
        string Size(string key, string fallback) =>
            fields.Optional(key) is { } size ? Matching(size, key, VolumeSizePattern(), "a Kubernetes quantity such as 50Gi") : fallback;
        var sizes = new VolumeSizes
        {
            Prometheus = Size("prometheus", defaults.Prometheus),
            Loki = Size("loki", defaults.Loki),
            Alertmanager = Size("alertmanager", defaults.Alertmanager),
            Grafana = Size("grafana", defaults.Grafana),
            StatusPage = Size("statusPage", defaults.StatusPage),
        };
        fields.RejectUnknown();
        return sizes;
    }

    private string SecretKey(ConfigNode node, string what)
    {
        var secret = Matching(node, what, SecretKeyPattern(), "a config key name such as oncallWebhookUrl");
        return StackConfigKeys.Settings.Contains(secret) ? throw Error(node, $"'{secret}' is a stack setting, not a secret key") : secret;
    }

    private ImmutableArray<string> Capabilities(ConfigNode node) =>
        [.. List(node, "capabilities").Items.Select(item =>
        {
            var capability = String(item, "capability");
            return Capability.Tooling.Contains(capability)
                ? capability
                : throw Error(item, $"unknown capability '{capability}'; known: {string.Join(", ", Capability.Tooling)}");
        }).Distinct()];

    private AlertingConfig Alerting(ConfigNode node)
    {
        var fields = new Fields(this, Map(node, "alerting"), "alerting");
        var receiversNode = List(fields.Required("receivers"), "receivers");
        var receivers = receiversNode.Items.Select(item =>
        {
            var receiver = new Fields(this, Map(item, "a receiver"), "a receiver");
            var result = new AlertReceiver
            {
                Name = String(receiver.Required("name"), "name"),
                WebhookUrlSecret = SecretKey(receiver.Required("webhookUrlSecret"), "webhookUrlSecret"),
                Provider = OptionalPlace(receiver, "provider"),
                Region = OptionalPlace(receiver, "region"),
            };
            receiver.RejectUnknown();
            return result;
        }).ToImmutableArray();
        if (receivers.IsEmpty || receivers.Select(receiver => receiver.Name).Distinct().Count() != receivers.Length)
        {
            throw Error(receiversNode, "receivers must be a non-empty list with unique names");
        }

        if (receivers.FirstOrDefault(receiver => AlertingConfig.ReservedReceivers.Contains(receiver.Name)) is { } reserved)
        {
            throw Error(receiversNode, $"receiver name '{reserved.Name}' is reserved for the program's own routes ({string.Join(", ", AlertingConfig.ReservedReceivers)})");
        }

        string ReceiverName(ConfigNode name)
        {
            var text = String(name, "receiver");
            return receivers.Any(receiver => receiver.Name == text)
                ? text
                : throw Error(name, $"unknown receiver '{text}'; receivers: {string.Join(", ", receivers.Select(receiver => receiver.Name))}");
        }

        var config = new AlertingConfig
        {
            DefaultReceiver = ReceiverName(fields.Required("defaultReceiver")),
            Receivers = receivers,
            Routes = fields.Optional("routes") is { } routes
                ? [.. List(routes, "routes").Items.Select(item =>
                {
                    var route = new Fields(this, Map(item, "a route"), "a route");
                    var result = new AlertRoute
                    {
                        Receiver = ReceiverName(route.Required("receiver")),
                        Matchers = [.. List(route.Required("matchers"), "matchers").Items.Select(Matcher)],
                    };
                    route.RejectUnknown();
                    return result;
                })]
                : [],
        };
        fields.RejectUnknown();
        return config;
    }

    private StateConfig State(ConfigNode node)
    {
        var fields = new Fields(this, Map(node, "state"), "state");
        var state = new StateConfig
        {
            BucketPrefix = Matching(fields.Required("bucketPrefix"), "bucketPrefix", BucketPrefixPattern(), "a bucket name prefix such as cloudiam-pulumi-state"),
            AwsRegion = String(fields.Required("awsRegion"), "awsRegion"),
            AwsReplicaRegion = String(fields.Required("awsReplicaRegion"), "awsReplicaRegion"),
            ScalewayRegion = String(fields.Required("scalewayRegion"), "scalewayRegion"),
            DeployRoleArn = Matching(fields.Required("deployRoleArn"), "deployRoleArn", RoleArnPattern(), "an IAM role ARN"),
            ScalewayDeployApplicationId = Matching(fields.Required("scalewayDeployApplicationId"), "scalewayDeployApplicationId", UuidPattern(), "a UUID"),
        };
        fields.RejectUnknown();
        return state.AwsRegion != state.AwsReplicaRegion
            ? state
            : throw Error(node, "awsReplicaRegion must differ from awsRegion: a replica in the same region dies with it");
    }

    private string Matcher(ConfigNode node)
    {
        var text = String(node, "matcher");
        return AlertMatcher.Parse(text) is null ? throw Error(node, $"'{text}' is not an Alertmanager matcher such as severity=\"critical\"") : text;
    }

    private ExposureConfig Exposure(ConfigNode node, ImmutableArray<ClusterConfig> clusters)
    {
        var fields = new Fields(this, Map(node, "exposure"), "exposure");
        var zonesNode = List(fields.Required("zones"), "zones");
        var zones = zonesNode.Items.Select(item =>
        {
            var zone = new Fields(this, Map(item, "a zone"), "a zone");
            var providerNode = zone.Required("provider");
            var provider = String(providerNode, "provider");
            if (!clusters.Any(cluster => cluster.Provider == provider))
            {
                throw Error(providerNode, $"no cluster of the stack runs on '{provider}', so nothing can manage its DNS");
            }

            var result = new DnsZoneConfig
            {
                Name = Matching(zone.Required("name"), "name", DomainPattern(), "a DNS zone name"),
                Provider = provider,
                HostedZoneId = zone.Optional("hostedZoneId") is { } id ? String(id, "hostedZoneId") : null,
            };
            if (provider == "aws" && result.HostedZoneId is null)
            {
                throw Error(item, $"Route 53 zone '{result.Name}' needs its hostedZoneId");
            }

            zone.RejectUnknown();
            return result;
        }).ToImmutableArray();
        var exposure = new ExposureConfig
        {
            AcmeEmail = String(fields.Required("acmeEmail"), "acmeEmail"),
            StatusHost = Matching(fields.Required("statusHost"), "statusHost", DomainPattern(), "a DNS name"),
            OauthClientId = String(fields.Required("oauthClientId"), "oauthClientId"),
            AllowedGroups = fields.Optional("allowedGroups") is { } groups ? [.. List(groups, "allowedGroups").Items.Select(group => String(group, "group"))] : [],
            AcmeChallengeZone = Matching(fields.Required("acmeChallengeZone"), "acmeChallengeZone", DomainPattern(), "a DNS zone name"),
            AcmeRoute53AccessKeyId = String(fields.Required("acmeRoute53AccessKeyId"), "acmeRoute53AccessKeyId"),
            Zones = zones,
        };
        if (clusters.FirstOrDefault(cluster => exposure.ZonesOf(cluster.ToolingDomain).IsEmpty) is { } unserved)
        {
            throw Error(zonesNode, $"no zone serves toolingDomain '{unserved.ToolingDomain}' of cluster '{unserved.Name}'");
        }

        if (exposure.ZonesOf(exposure.StatusHost).IsEmpty)
        {
            throw Error(zonesNode, $"no zone serves statusHost '{exposure.StatusHost}'");
        }

        if (!zones.Any(zone => zone.Name == exposure.AcmeChallengeZone && zone.Provider == "aws"))
        {
            throw Error(zonesNode, $"acmeChallengeZone '{exposure.AcmeChallengeZone}' must be one of the Route 53 zones");
        }

        fields.RejectUnknown();
        return exposure;
    }

    /// <summary>
    /// A deployments file, for designs read from exports and previews: <c>deployments</c> in the stack config's
    /// format, and <c>receivers</c> with where each is hosted (<c>name</c>, <c>provider</c>, <c>region</c>).
    /// </summary>
    public WatchList BindWatchList(ConfigNode node)
    {
        var fields = new Fields(this, Map(node, "a deployments file"), "a deployments file");
        var watching = new WatchList
        {
            Deployments = Deployments(fields.Required(StackConfigKeys.Deployments)),
            Receivers = fields.Optional("receivers") is { } receivers
                ? [.. List(receivers, "receivers").Items.Select(item =>
                {
                    var receiver = new Fields(this, Map(item, "a receiver"), "a receiver");
                    var host = new ReceiverHost { Name = String(receiver.Required("name"), "name"), Provider = OptionalPlace(receiver, "provider"), Region = OptionalPlace(receiver, "region") };
                    receiver.RejectUnknown();
                    return host;
                })]
                : [],
        };
        fields.RejectUnknown();
        return watching;
    }

    private ImmutableArray<CustomerDeployment> Deployments(ConfigNode node)
    {
        var list = List(node, "deployments");
        var probes = list.Items.Select(item =>
        {
            var fields = new Fields(this, Map(item, "a deployment"), "a deployment");
            var probe = new CustomerDeployment
            {
                Name = String(fields.Required("name"), "name"),
                Url = Url(fields.Required("url"), "url"),
                Provider = Matching(fields.Required("provider"), "provider", PlaceNamePattern(), PlaceName),
                Region = OptionalPlace(fields, "region"),
                Network = OptionalPlace(fields, "network"),
            };
            fields.RejectUnknown();
            return probe;
        }).ToImmutableArray();
        return probes.Select(probe => probe.Name).Distinct().Count() == probes.Length
            ? probes
            : throw Error(list, "deployment names must be unique");
    }

    private string? OptionalPlace(Fields fields, string key) =>
        fields.Optional(key) is { } node ? Matching(node, key, PlaceNamePattern(), PlaceName) : null;

    private Ipv4Cidr Cidr(ConfigNode node) =>
        Ipv4Cidr.TryParse(String(node, "CIDR"), out var cidr)
            ? cidr
            : throw Error(node, $"'{String(node, "CIDR")}' is not an IPv4 network in CIDR notation (host bits zero), e.g. 10.20.0.0/16");

    private string Url(ConfigNode node, string what)
    {
        var text = String(node, what);
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? text
            : throw Error(node, $"{what} must be an absolute http(s) URL, not '{text}'");
    }

    private string Matching(ConfigNode node, string what, Regex pattern, string expected)
    {
        var text = String(node, what);
        return pattern.IsMatch(text) ? text : throw Error(node, $"{what} must be {expected}, not '{text}'");
    }

    private string Version(ConfigNode node, string what)
    {
        var text = Matching(node, what, VersionPattern(), "a version such as \"1.35\"");
        return node is ConfigScalar { Quoted: true }
            ? text
            : throw Error(node, $"quote {what} (\"{text}\"): unquoted, Pulumi reads it as a number and 1.30 becomes 1.3");
    }

    private string String(ConfigNode node, string what) => node switch
    {
        ConfigScalar { Value.Length: > 0 } scalar => scalar.Value,
        ConfigSecure => throw Error(node, $"{what} is not a secret; the program needs its value, so do not set it with --secret"),
        _ => throw Error(node, $"{what} must be a non-empty text value"),
    };

    private int Int(ConfigNode node, string what, int minimum)
    {
        var text = String(node, what);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw Error(node, $"{what} must be a whole number ≥ {minimum}, not '{text}'");
    }

    private bool Bool(ConfigNode node, string what) => String(node, what) switch
    {
        "true" => true,
        "false" => false,
        var text => throw Error(node, $"{what} must be true or false, not '{text}'"),
    };

    private ConfigList List(ConfigNode node, string what) =>
        node as ConfigList ?? throw Error(node, $"{what} must be a list");

    private ConfigMap Map(ConfigNode node, string what) =>
        node as ConfigMap ?? throw Error(node, $"{what} must be a map");

    /// <summary>The keys of one map: each read at most once, duplicates and leftovers are errors.</summary>
    private sealed class Fields
    {
        private readonly StackConfigBinder binder;
        private readonly ConfigMap map;
        private readonly string what;
        private readonly HashSet<string> read = new(StringComparer.Ordinal);

        public Fields(StackConfigBinder binder, ConfigMap map, string what)
        {
            this.binder = binder;
            this.map = map;
            this.what = what;
            if (map.Entries.GroupBy(entry => entry.Key).FirstOrDefault(group => group.Count() > 1) is { } duplicate)
            {
                throw binder.Error(duplicate.Last().Value, $"'{duplicate.Key}' is set twice in {what}");
            }
        }

        public ConfigNode Required(string key) =>
            Optional(key) ?? throw binder.Error(map, $"{what} lacks the required key '{key}'");

        public ConfigNode? Optional(string key, bool secret = false)
        {
            read.Add(key);
            var node = map.Entries.FirstOrDefault(entry => entry.Key == key).Value;
            return node is ConfigSecure && !secret
                ? throw binder.Error(node, $"'{key}' is not a secret; the program needs its value, so do not set it with --secret")
                : node;
        }

        public void RejectUnknown()
        {
            if (map.Entries.FirstOrDefault(entry => !read.Contains(entry.Key)) is { Key: not null } unknown)
            {
                throw binder.Error(unknown.Value, $"unknown key '{unknown.Key}' in {what}; known keys: {string.Join(", ", read.Order(StringComparer.Ordinal))}");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,40}$")]
    private static partial Regex BucketPrefixPattern();

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex UuidPattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+$")]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,19}$")]
    private static partial Regex SiteNamePattern();

    private const string PlaceName = "a lowercase name such as scaleway, fr-par or pn-keycloak";

    /// <summary>Providers, regions and networks as failure-domain identifiers name them.</summary>
    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}$")]
    private static partial Regex PlaceNamePattern();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$")]
    private static partial Regex ZonePattern();

    [GeneratedRegex(@"^[0-9]+\.[0-9]+(\.[0-9]+)?$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$")]
    private static partial Regex DomainPattern();

    [GeneratedRegex("^[a-z][A-Za-z0-9]{0,63}$")]
    private static partial Regex SecretKeyPattern();

    [GeneratedRegex("^[0-9]+(ms|s|m|h|d|w|y)$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex("^[1-9][0-9]*(Mi|Gi|Ti)$")]
    private static partial Regex VolumeSizePattern();
}
