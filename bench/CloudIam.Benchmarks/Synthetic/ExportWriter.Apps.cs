using System.Globalization;
using System.Text;

namespace CloudIam.Benchmarks.Synthetic;

/// <summary>
/// The bulk of an export: capability "apps". Kubernetes apps are <c>cloudiam:infra:App</c> components
/// under their site component, so their children have nested qualified types
/// (<c>Site$App$kubernetes:…</c>) and three-level parent chains. Only the resource that embodies the
/// capability carries its tag; the supporting objects around it carry ordinary labels.
/// </summary>
internal sealed partial class ExportWriter
{
    private const string AppType = "cloudiam:infra:App";
    private const string AppQualifiedType = SiteType + "$" + AppType;
    private const string CapabilityLabel = "cloudiam.io/capability";
    private const string HelmReleaseType = "kubernetes:helm.sh/v3:Release";

    private static readonly string[] Words =
    [
        "retention", "replicas", "scrape", "interval", "timeout", "buffer", "shard", "endpoint", "tenant", "cache",
        "queue", "limit", "window", "backoff", "storage", "index", "compaction", "ruler", "query", "frontend",
        "ingester", "distributor", "gateway", "proxy", "audit", "route", "receiver", "exporter", "sidecar", "webhook",
    ];

    private static readonly string[] Customers = ["acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "tyrell", "cyberdyne", "wonka", "aperture", "massive"];

    private static readonly string[] Teams = ["platform", "observability", "identity", "sre", "security"];

    private void WriteApp()
    {
        var cluster = random.Pick(_clusters);
        var capability = cluster.Capabilities[cluster.Turn++ % cluster.Capabilities.Count];
        _apps++;
        var app = capability.Name == SyntheticCapabilities.Deployments
            ? $"keycloak-{random.Pick(Customers)}-{_apps}"
            : $"{capability.Name}-{_apps}";
        switch (capability.Shape)
        {
            case AppShape.Helm:
                WriteHelmApp(cluster, capability, app);
                break;
            case AppShape.VirtualMachine:
                WriteServer(cluster, capability, app);
                break;
            case AppShape.Bucket:
                WriteBucket(cluster, capability, app);
                break;
            default:
                WriteWorkloadApp(cluster, capability, app);
                break;
        }
    }

    private static string AppChild(string type) => $"{AppQualifiedType}${type}";

    private void WriteHelmApp(ClusterSite cluster, SyntheticCapability capability, string app)
    {
        var appUrn = Urn(AppQualifiedType, app);
        Resource(appUrn, AppType, cluster.SiteUrn, id: null, properties: null);
        var ns = capability.Namespace;
        string[] values = random.Chance(0.4) ? [WriteConfigMap(cluster, appUrn, $"{app}-values", ns, app)] : [];
        WriteHelmRelease(cluster, capability, app, ns, Urn(AppChild(HelmReleaseType), app), appUrn, values);
    }

    /// <summary>
    /// One Helm release; <paramref name="values"/> are the ConfigMaps its values were read from. A lean release
    /// has neither chart-specific settings nor the list of created objects (about 900 bytes instead of 2,700).
    /// </summary>
    private void WriteHelmRelease(ClusterSite cluster, SyntheticCapability capability, string app, string ns, string urn, string parent, string[] values, bool lean = false)
    {
        var nsUrn = cluster.Namespaces[ns];
        var chart = capability.Chart!;
        Resource(urn, HelmReleaseType, parent, $"{ns}/{app}", provider: cluster.KubernetesProvider, properties: (shared, live) =>
        {
            json.WriteBoolean("atomic", true);
            json.WriteString("chart", chart.Chart);
            json.WriteBoolean("cleanupOnFail", true);
            json.WriteBoolean("createNamespace", false);
            json.WriteNumber("maxHistory", 10);
            json.WriteString("name", app);
            json.WriteString("namespace", ns);
            json.WriteStartObject("repositoryOpts");
            json.WriteString("repo", chart.Repository);
            json.WriteEndObject();
            if (live is not null && !lean)
            {
                WriteResourceNames(live, app);
            }

            json.WriteBoolean("skipAwait", false);
            if (live is not null)
            {
                json.WriteStartObject("status");
                json.WriteString("appVersion", chart.AppVersion);
                json.WriteString("chart", chart.Chart);
                json.WriteString("name", app);
                json.WriteString("namespace", ns);
                json.WriteNumber("revision", live.Next(1, 40));
                json.WriteString("status", "deployed");
                json.WriteString("version", chart.Version);
                json.WriteEndObject();
            }

            json.WriteNumber("timeout", 600);
            WriteHelmValues(shared, cluster.Site, capability, app, lean);
            json.WriteString("version", chart.Version);
        }, dependencies: [nsUrn, .. values], propertyDependencies: [("atomic", null), ("chart", null), ("name", null), ("namespace", [nsUrn]), ("repositoryOpts", null), ("values", values.Length > 0 ? values : null), ("version", null)]);
    }

    /// <summary>Release outputs list every object the chart created: a large array a placement reader skips.</summary>
    private void WriteResourceNames(DeterministicRandom live, string app)
    {
        json.WriteStartObject("resourceNames");
        foreach (var kind in new[] { "ConfigMap/v1", "Deployment.apps/apps/v1", "Service/v1", "ServiceAccount/v1" }.Where(_ => live.Chance(0.6)))
        {
            json.WriteStartArray(kind);
            for (var i = live.Next(1, 4); i > 0; i--)
            {
                json.WriteStringValue($"{app}-{live.Pick(Words)}-{i}");
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private void WriteHelmValues(DeterministicRandom shared, Site site, SyntheticCapability capability, string app, bool lean)
    {
        var runner = capability.MinConcurrentAfterLoss is not null;
        json.WriteStartObject("values");
        json.WriteStartObject("commonLabels");
        json.WriteString("app.kubernetes.io/part-of", "cloudiam");
        json.WriteString(CapabilityLabel, capability.Name);
        json.WriteString("cloudiam.io/site", site.Slug);
        json.WriteEndObject();
        if (runner)
        {
            json.WriteNumber("concurrent", shared.Next(2, 13));
        }

        if (!lean)
        {
            json.WriteStartObject("extraConfig");
            WriteNested(shared, shared.Next(0, 3));
            json.WriteEndObject();
        }

        json.WriteString("fullnameOverride", app);
        if (runner)
        {
            json.WriteString("gitlabUrl", "https://gitlab.cloud-iam.example");
        }

        json.WriteStartObject("nodeSelector");
        json.WriteString("topology.kubernetes.io/region", site.Region);
        json.WriteEndObject();
        if (runner)
        {
            json.WriteStartObject("rbac");
            json.WriteBoolean("create", true);
            json.WriteEndObject();
        }

        json.WriteNumber("replicaCount", shared.Next(1, 4));
        WriteResources(shared);
        if (runner)
        {
            WriteSecret("runnerToken", shared, 32);
            json.WriteStartObject("runners");
            json.WriteString("config", $"[[runners]]\n  [runners.kubernetes]\n    namespace = \"{capability.Namespace}\"\n    image = \"alpine:3.22\"\n    poll_timeout = 600\n    [runners.kubernetes.node_selector]\n      \"topology.kubernetes.io/region\" = \"{site.Region}\"\n");
            json.WriteString("tags", $"{site.Provider},{site.Region}");
            json.WriteEndObject();
        }

        json.WriteStartArray("tolerations");
        for (var i = shared.Next(0, 3); i > 0; i--)
        {
            json.WriteStartObject();
            json.WriteString("effect", "NoSchedule");
            json.WriteString("key", $"cloudiam.io/{shared.Pick(Words)}");
            json.WriteString("operator", "Exists");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Chart-specific settings of varied shape and depth: what a reader has to skip without looking.</summary>
    private void WriteNested(DeterministicRandom shared, int depth)
    {
        var first = shared.Next(Words.Length);
        var keys = shared.Next(2, 5);
        for (var i = 0; i < keys; i++)
        {
            var key = Words[(first + i) % Words.Length];
            switch (shared.Next(depth > 0 ? 6 : 4))
            {
                case 0:
                    json.WriteString(key, $"{shared.Pick(Words)}-{shared.Hex(6)}");
                    break;
                case 1:
                    json.WriteNumber(key, shared.Next(1, 100_000));
                    break;
                case 2:
                    json.WriteBoolean(key, shared.Chance(0.5));
                    break;
                case 3:
                    json.WriteStartArray(key);
                    for (var j = shared.Next(1, 5); j > 0; j--)
                    {
                        json.WriteStringValue($"{shared.Pick(Words)}.{shared.Pick(Words)}.svc:{shared.Next(1024, 9999)}");
                    }

                    json.WriteEndArray();
                    break;
                default:
                    json.WriteStartObject(key);
                    WriteNested(shared, depth - 1);
                    json.WriteEndObject();
                    break;
            }
        }
    }

    /// <summary>Requests only, no limits: the usual choice for CPU-bursty tooling.</summary>
    private void WriteResources(DeterministicRandom shared)
    {
        var cpu = shared.Next(1, 8) * 100;
        var memory = shared.Next(1, 16) * 128;
        json.WriteStartObject("resources");
        json.WriteStartObject("requests");
        json.WriteString("cpu", string.Create(CultureInfo.InvariantCulture, $"{cpu}m"));
        json.WriteString("memory", string.Create(CultureInfo.InvariantCulture, $"{memory}Mi"));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>A ServiceAccount, ConfigMaps, maybe a Secret, the workload (which carries the tag) and its Service.</summary>
    private void WriteWorkloadApp(ClusterSite cluster, SyntheticCapability capability, string app)
    {
        var appUrn = Urn(AppQualifiedType, app);
        Resource(appUrn, AppType, cluster.SiteUrn, id: null, properties: null);
        var ns = capability.Namespace;
        KubernetesObject(cluster, appUrn, "kubernetes:core/v1:ServiceAccount", app, ns, null, [], (_, live) =>
        {
            json.WriteString("apiVersion", "v1");
            json.WriteBoolean("automountServiceAccountToken", false);
            json.WriteString("kind", "ServiceAccount");
            WriteMetadata(app, ns, app, null, cluster.Site, live);
        });
        var configMaps = Enumerable.Range(0, random.Next(1, 3)).Select(i => $"{app}-config-{i}").ToArray();
        string[] configUrns = [.. configMaps.Select(name => WriteConfigMap(cluster, appUrn, name, ns, app))];
        var secret = random.Chance(0.4) ? $"{app}-credentials" : null;
        string[] secretUrns = secret is null ? [] : [WriteSecretObject(cluster, appUrn, secret, ns, app, WritePassword(appUrn, app))];
        var stateful = capability.Shape == AppShape.StatefulSet;
        var kind = stateful ? "StatefulSet" : "Deployment";
        // The program refers to the mounted ConfigMap and the Secret by output, to everything else by literal name.
        string[] specDependencies = [configUrns[0], .. secretUrns];
        var workload = KubernetesObject(cluster, appUrn, $"kubernetes:apps/v1:{kind}", app, ns, "spec", specDependencies, (shared, live) =>
        {
            var replicas = capability.QuorumMajority ? 3 : shared.Next(1, 4);
            json.WriteString("apiVersion", "apps/v1");
            json.WriteString("kind", kind);
            WriteMetadata(app, ns, app, capability.Name, cluster.Site, live, shared.Chance(0.3) ? shared.Pick(Teams) : null);
            json.WriteStartObject("spec");
            json.WriteNumber("replicas", replicas);
            json.WriteStartObject("selector");
            WriteSelector("matchLabels", app);
            json.WriteEndObject();
            if (stateful)
            {
                json.WriteString("serviceName", app);
            }

            json.WriteStartObject("template");
            json.WriteStartObject("metadata");
            WriteSelector("labels", app);
            json.WriteEndObject();
            json.WriteStartObject("spec");
            json.WriteStartArray("containers");
            WriteContainer(shared, capability, app, configMaps, secret);
            json.WriteEndArray();
            json.WriteString("serviceAccountName", app);
            json.WriteStartArray("volumes");
            json.WriteStartObject();
            json.WriteStartObject("configMap");
            json.WriteString("name", configMaps[0]);
            json.WriteEndObject();
            json.WriteString("name", "config");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            if (stateful)
            {
                WriteVolumeClaimTemplates();
            }

            json.WriteEndObject();
            if (live is not null)
            {
                WriteWorkloadStatus(live, replicas);
            }
        });
        WriteService(cluster, appUrn, app, ns, random.Chance(0.5) ? workload : null);
    }

    /// <summary>The first ConfigMap is mounted as a volume, any others are loaded as environment.</summary>
    private void WriteContainer(DeterministicRandom shared, SyntheticCapability capability, string app, IReadOnlyList<string> configMaps, string? secret)
    {
        json.WriteStartObject();
        json.WriteStartArray("env");
        json.WriteStartObject();
        json.WriteString("name", "LOG_LEVEL");
        json.WriteString("value", shared.Chance(0.8) ? "info" : "debug");
        json.WriteEndObject();
        if (secret is not null)
        {
            json.WriteStartObject();
            json.WriteString("name", "APP_PASSWORD");
            json.WriteStartObject("valueFrom");
            json.WriteStartObject("secretKeyRef");
            json.WriteString("key", "password");
            json.WriteString("name", secret);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (configMaps.Count > 1)
        {
            json.WriteStartArray("envFrom");
            foreach (var configMap in configMaps.Skip(1))
            {
                json.WriteStartObject();
                json.WriteStartObject("configMapRef");
                json.WriteString("name", configMap);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteString("image", capability.Image);
        json.WriteString("name", app);
        json.WriteStartArray("ports");
        json.WriteStartObject();
        json.WriteNumber("containerPort", 8080);
        json.WriteString("name", "http");
        json.WriteString("protocol", "TCP");
        json.WriteEndObject();
        json.WriteEndArray();
        WriteResources(shared);
        json.WriteStartArray("volumeMounts");
        json.WriteStartObject();
        json.WriteString("mountPath", $"/etc/{app}");
        json.WriteString("name", "config");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private void WriteVolumeClaimTemplates()
    {
        json.WriteStartArray("volumeClaimTemplates");
        json.WriteStartObject();
        json.WriteStartObject("metadata");
        json.WriteString("name", "data");
        json.WriteEndObject();
        json.WriteStartObject("spec");
        WriteStrings("accessModes", ["ReadWriteOnce"]);
        json.WriteStartObject("resources");
        json.WriteStartObject("requests");
        json.WriteString("storage", "10Gi");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private void WriteWorkloadStatus(DeterministicRandom live, int replicas)
    {
        json.WriteStartObject("status");
        json.WriteNumber("availableReplicas", replicas);
        json.WriteNumber("observedGeneration", live.Next(1, 30));
        json.WriteNumber("readyReplicas", replicas);
        json.WriteNumber("replicas", replicas);
        json.WriteNumber("updatedReplicas", replicas);
        json.WriteEndObject();
    }

    private void WriteSelector(string property, string app)
    {
        json.WriteStartObject(property);
        json.WriteString("app.kubernetes.io/name", app);
        json.WriteEndObject();
    }

    private string WriteConfigMap(ClusterSite cluster, string appUrn, string name, string ns, string app) =>
        KubernetesObject(cluster, appUrn, "kubernetes:core/v1:ConfigMap", name, ns, "data", [], (shared, live) =>
        {
            json.WriteString("apiVersion", "v1");
            json.WriteStartObject("data");
            var first = shared.Next(Words.Length);
            for (var i = shared.Next(1, 3); i > 0; i--)
            {
                json.WriteString($"{Words[(first + i) % Words.Length]}.yaml", ConfigText(shared, shared.Next(1, 6)));
            }

            json.WriteEndObject();
            json.WriteString("kind", "ConfigMap");
            WriteMetadata(name, ns, app, null, cluster.Site, live);
        });

    private static string ConfigText(DeterministicRandom shared, int lines)
    {
        var text = new StringBuilder();
        for (var i = 0; i < lines; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{shared.Pick(Words)}.{shared.Pick(Words)}: {shared.Pick(Words)}-{shared.Next(1, 1000)}\n");
        }

        return text.ToString();
    }

    /// <summary>A generated password under the default <c>random</c> provider: a resource with no placement of its own.</summary>
    private string WritePassword(string appUrn, string app)
    {
        var type = "random:index/randomPassword:RandomPassword";
        var urn = Urn(AppChild(type), $"{app}-password");
        Resource(urn, type, appUrn, "none", provider: _randomProvider, properties: (shared, live) =>
        {
            if (live is not null)
            {
                WriteSecret("bcryptHash", live, 60);
            }

            json.WriteNumber("length", 32);
            if (live is not null)
            {
                json.WriteBoolean("lower", true);
                json.WriteBoolean("numeric", true);
                WriteSecret("result", live, 32);
            }

            json.WriteBoolean("special", false);
        }, propertyDependencies: [("length", null), ("special", null)]);
        return urn;
    }

    private string WriteSecretObject(ClusterSite cluster, string appUrn, string name, string ns, string app, string password) =>
        KubernetesObject(cluster, appUrn, "kubernetes:core/v1:Secret", name, ns, "stringData", [password], (shared, live) =>
        {
            json.WriteString("apiVersion", "v1");
            if (live is not null)
            {
                WriteSecret("data", live, 96);
            }

            json.WriteString("kind", "Secret");
            WriteMetadata(name, ns, app, null, cluster.Site, live);
            WriteSecret("stringData", shared, 64);
            json.WriteString("type", "Opaque");
        });

    private void WriteService(ClusterSite cluster, string appUrn, string app, string ns, string? dependsOn)
    {
        var name = $"{app}-svc";
        var type = "kubernetes:core/v1:Service";
        var nsUrn = cluster.Namespaces[ns];
        Resource(Urn(AppChild(type), name), type, appUrn, $"{ns}/{name}", provider: cluster.KubernetesProvider, properties: (_, live) =>
        {
            json.WriteString("apiVersion", "v1");
            json.WriteString("kind", "Service");
            WriteMetadata(name, ns, app, null, cluster.Site, live);
            json.WriteStartObject("spec");
            if (live is not null)
            {
                json.WriteString("clusterIP", $"10.96.{live.Next(0, 256)}.{live.Next(1, 255)}");
            }

            json.WriteStartArray("ports");
            json.WriteStartObject();
            json.WriteString("name", "http");
            json.WriteNumber("port", 80);
            json.WriteString("protocol", "TCP");
            json.WriteString("targetPort", "http");
            json.WriteEndObject();
            json.WriteEndArray();
            WriteSelector("selector", app);
            if (live is not null)
            {
                json.WriteString("sessionAffinity", "None");
            }

            json.WriteString("type", "ClusterIP");
            json.WriteEndObject();
            if (live is not null)
            {
                json.WriteStartObject("status");
                json.WriteStartObject("loadBalancer");
                json.WriteEndObject();
                json.WriteEndObject();
            }
        }, dependencies: dependsOn is null ? [nsUrn] : [nsUrn, dependsOn], propertyDependencies: [("apiVersion", null), ("kind", null), ("metadata", [nsUrn]), ("spec", null)]);
    }

    /// <summary>A namespaced Kubernetes object of an app; <paramref name="contentKey"/> is the input its other dependencies flow into.</summary>
    private string KubernetesObject(ClusterSite cluster, string appUrn, string type, string name, string ns, string? contentKey, string[] contentDependencies, PropertyWriter properties)
    {
        var urn = Urn(AppChild(type), name);
        var nsUrn = cluster.Namespaces[ns];
        (string, string[]?)[] propertyDependencies = contentKey is null
            ? [("apiVersion", null), ("kind", null), ("metadata", [nsUrn])]
            : [("apiVersion", null), (contentKey, contentDependencies.Length > 0 ? contentDependencies : null), ("kind", null), ("metadata", [nsUrn])];
        Resource(urn, type, appUrn, $"{ns}/{name}", properties, cluster.KubernetesProvider, [nsUrn, .. contentDependencies], propertyDependencies);
        return urn;
    }

    /// <summary>Object metadata; the capability label goes only on the resource that embodies the capability.</summary>
    private void WriteMetadata(string name, string? ns, string app, string? capability, Site site, DeterministicRandom? live, string? owner = null)
    {
        json.WriteStartObject("metadata");
        if (owner is not null)
        {
            json.WriteStartObject("annotations");
            json.WriteString("cloudiam.io/owner", owner);
            json.WriteString("cloudiam.io/runbook", $"https://runbooks.cloud-iam.example/{owner}/{app}");
            json.WriteEndObject();
        }

        if (live is not null)
        {
            json.WriteString("creationTimestamp", Timestamp(_clock.AddSeconds(-live.Next(60, 600_000))));
            json.WriteNumber("generation", live.Next(1, 30));
        }

        json.WriteStartObject("labels");
        json.WriteString("app.kubernetes.io/name", app);
        json.WriteString("app.kubernetes.io/part-of", "cloudiam");
        if (capability is not null)
        {
            json.WriteString(CapabilityLabel, capability);
        }

        json.WriteString("cloudiam.io/site", site.Slug);
        json.WriteEndObject();
        json.WriteString("name", name);
        if (ns is not null)
        {
            json.WriteString("namespace", ns);
        }

        if (live is not null)
        {
            json.WriteString("resourceVersion", live.Next(1_000, 90_000_000).ToString(CultureInfo.InvariantCulture));
            json.WriteString("uid", live.Uuid());
        }

        json.WriteEndObject();
    }

    /// <summary>A server on the cluster's network: Scaleway tags are a <c>key=value</c> list, AWS tags a map.</summary>
    private void WriteServer(ClusterSite cluster, SyntheticCapability capability, string app)
    {
        var site = cluster.Site;
        var attachment = random.Pick(cluster.Attachments);
        var zone = attachment.Zone ?? site.Region;
        if (site.Provider == SyntheticTopology.Scaleway)
        {
            var type = "scaleway:instance/server:Server";
            Resource(Urn(SiteChild(type), app), type, cluster.SiteUrn, $"{zone}/{random.Uuid()}", provider: cluster.CloudProvider, properties: (_, live) =>
            {
                json.WriteString("image", "ubuntu_noble");
                json.WriteString("name", app);
                if (live is not null)
                {
                    json.WriteStartArray("privateIps");
                    json.WriteStartObject();
                    json.WriteString("address", $"10.1.{live.Next(0, 16)}.{live.Next(2, 255)}");
                    json.WriteString("id", live.Uuid());
                    json.WriteEndObject();
                    json.WriteEndArray();
                }

                json.WriteStartArray("privateNetworks");
                json.WriteStartObject();
                json.WriteString("pnId", attachment.Id);
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteStartObject("rootVolume");
                json.WriteNumber("sizeInGb", 50);
                json.WriteString("volumeType", "sbs_volume");
                json.WriteEndObject();
                if (live is not null)
                {
                    json.WriteString("state", "started");
                }

                WriteScalewayTags("tags", site, capability.Name);
                json.WriteString("type", "PRO2-S");
                json.WriteString("zone", zone);
            }, dependencies: [attachment.Urn], propertyDependencies: [("image", null), ("name", null), ("privateNetworks", [attachment.Urn]), ("rootVolume", null), ("tags", null), ("type", null), ("zone", null)]);
        }
        else
        {
            var type = "aws:ec2/instance:Instance";
            var id = $"i-{random.Hex(17)}";
            Resource(Urn(SiteChild(type), app), type, cluster.SiteUrn, id, provider: cluster.CloudProvider, properties: (_, live) =>
            {
                json.WriteString("ami", "ami-0c1a7f89451184c8b");
                if (live is not null)
                {
                    json.WriteString("arn", $"arn:aws:ec2:{site.Region}:123456789012:instance/{id}");
                }

                json.WriteString("availabilityZone", zone);
                json.WriteString("instanceType", "m7i.large");
                json.WriteStartObject("metadataOptions");
                json.WriteString("httpEndpoint", "enabled");
                json.WriteString("httpTokens", "required");
                json.WriteEndObject();
                if (live is not null)
                {
                    json.WriteString("instanceState", "running");
                    json.WriteString("privateIp", $"10.30.{live.Next(0, 32)}.{live.Next(4, 255)}");
                    json.WriteString("region", site.Region);
                }

                json.WriteStartObject("rootBlockDevice");
                json.WriteBoolean("encrypted", true);
                json.WriteNumber("volumeSize", 50);
                json.WriteString("volumeType", "gp3");
                json.WriteEndObject();
                json.WriteString("subnetId", attachment.Id);
                WriteAwsTags("tags", site, app, capability.Name);
                if (live is not null)
                {
                    WriteAwsTags("tagsAll", site, app, capability.Name);
                }
            }, dependencies: [attachment.Urn], propertyDependencies: [("ami", null), ("availabilityZone", null), ("instanceType", null), ("metadataOptions", null), ("rootBlockDevice", null), ("subnetId", [attachment.Urn]), ("tags", null)]);
        }
    }

    /// <summary>A regional bucket with a tag map; protected, as state buckets are.</summary>
    private void WriteBucket(ClusterSite cluster, SyntheticCapability capability, string app)
    {
        var site = cluster.Site;
        var name = $"cloudiam-{app}-{site.Region}";
        if (site.Provider == SyntheticTopology.Scaleway)
        {
            var type = "scaleway:object/bucket:Bucket";
            Resource(Urn(SiteChild(type), app), type, cluster.SiteUrn, $"{site.Region}/{name}", provider: cluster.CloudProvider, protect: true, properties: (_, live) =>
            {
                if (live is not null)
                {
                    json.WriteString("apiEndpoint", $"https://s3.{site.Region}.scw.cloud");
                    json.WriteString("endpoint", $"https://{name}.s3.{site.Region}.scw.cloud");
                }

                json.WriteString("name", name);
                json.WriteString("region", site.Region);
                json.WriteStartObject("tags");
                json.WriteString(CapabilityLabel, capability.Name);
                json.WriteString("cloudiam.io/site", site.Slug);
                json.WriteString("env", "bench");
                json.WriteEndObject();
                json.WriteStartObject("versioning");
                json.WriteBoolean("enabled", true);
                json.WriteEndObject();
            }, propertyDependencies: [("name", null), ("region", null), ("tags", null), ("versioning", null)]);
        }
        else
        {
            var type = "aws:s3/bucket:Bucket";
            Resource(Urn(SiteChild(type), app), type, cluster.SiteUrn, name, provider: cluster.CloudProvider, protect: true, properties: (_, live) =>
            {
                if (live is not null)
                {
                    json.WriteString("arn", $"arn:aws:s3:::{name}");
                }

                json.WriteString("bucket", name);
                if (live is not null)
                {
                    json.WriteString("bucketDomainName", $"{name}.s3.amazonaws.com");
                    json.WriteString("bucketRegionalDomainName", $"{name}.s3.{site.Region}.amazonaws.com");
                }

                json.WriteBoolean("forceDestroy", false);
                if (live is not null)
                {
                    json.WriteString("region", site.Region);
                    json.WriteStartObject("serverSideEncryptionConfiguration");
                    json.WriteStartObject("rule");
                    json.WriteStartObject("applyServerSideEncryptionByDefault");
                    json.WriteString("sseAlgorithm", "AES256");
                    json.WriteEndObject();
                    json.WriteBoolean("bucketKeyEnabled", false);
                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                WriteAwsTags("tags", site, name, capability.Name);
            }, propertyDependencies: [("bucket", null), ("forceDestroy", null), ("tags", null)]);
        }
    }
}
