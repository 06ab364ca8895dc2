using System.Globalization;
using System.Text.Json;

namespace CloudIam.Benchmarks.Synthetic;

/// <summary>
/// Writes one export: the root stack, explicit cloud providers, one site component per region with its
/// networks, clusters, Kubernetes providers and namespaces, then capability "apps" until the resource
/// budget is spent.
/// Resources only ever reference earlier ones, as in a real export (dependency order), so stopping at
/// the budget anywhere still leaves a consistent file.
/// </summary>
internal sealed partial class ExportWriter(Utf8JsonWriter json, DeterministicRandom random, int budget, ExportShape shape)
{
    private const string SecretSignatureKey = "4dabf18193072939515e22adb298388d";
    private const string SecretSignature = "1b47061264138c4ac30d75fd1eb44270";
    private const string SiteType = "cloudiam:infra:Site";

    /// <summary>Hand buffered JSON to the stream regularly instead of holding a whole export in the writer.</summary>
    private const int FlushThreshold = 1 << 16;

    private static readonly DateTime Epoch = new(2026, 8, 20, 10, 0, 0, DateTimeKind.Utc);

    private readonly List<ClusterSite> _clusters = [];
    private readonly IReadOnlyList<Site> _sites = SyntheticTopology.SitesOf(shape);
    private readonly string _stackUrn = Urn("pulumi:pulumi:Stack", $"{SyntheticExport.Project}-{SyntheticExport.Stack}");
    private readonly string _projectId = random.Uuid();
    private string _randomProvider = string.Empty;
    private int _written;
    private int _apps;
    private DateTime _clock = Epoch;

    /// <summary>
    /// Writes a resource's inputs (<c>live</c> null) or outputs (<c>live</c> set). Both calls get a
    /// generator with the same seed in <c>shared</c>, so outputs repeat the inputs; draws for
    /// output-only fields go to <c>live</c> and so never shift the shared sequence.
    /// </summary>
    private delegate void PropertyWriter(DeterministicRandom shared, DeterministicRandom? live);

    private bool BudgetLeft => _written < budget;

    public void Write()
    {
        json.WriteStartObject();
        json.WriteNumber("version", 3);
        json.WriteStartObject("deployment");
        WriteManifest();
        json.WriteStartObject("secrets_providers");
        json.WriteString("type", "passphrase");
        json.WriteStartObject("state");
        json.WriteString("salt", $"v1:{random.Base64(8)}:v1:{random.Base64(12)}:{random.Base64(22)}");
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("resources");
        WriteStack();
        var providers = _sites.ToDictionary(site => site.Key, WriteCloudProvider, StringComparer.Ordinal);
        WriteRandomProvider();
        if (shape == ExportShape.Estate)
        {
            WriteEstate(providers);
        }
        else
        {
            WriteFleet(providers);
        }

        json.WriteEndArray();
        json.WriteStartObject("metadata");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteEstate(Dictionary<string, string> providers)
    {
        foreach (var site in _sites)
        {
            WriteSite(site, providers[site.Key]);
        }

        while (BudgetLeft)
        {
            WriteApp();
        }
    }

    private static string Urn(string qualifiedType, string name) =>
        $"urn:pulumi:{SyntheticExport.Stack}::{SyntheticExport.Project}::{qualifiedType}::{name}";

    private static string SiteChild(string type) => $"{SiteType}${type}";

    private void WriteManifest()
    {
        json.WriteStartObject("manifest");
        json.WriteString("time", Epoch);
        json.WriteString("magic", random.Hex(64));
        json.WriteString("version", "v3.259.0");
        json.WriteStartArray("plugins");
        foreach (var (name, version) in new[] { ("aws", "7.48.0"), ("kubernetes", "4.34.2"), ("ovh", "2.7.0"), ("random", "4.18.2"), ("scaleway", "1.54.0"), ("yaml", "1.38.1") })
        {
            var kind = name == "yaml" ? "language" : "resource";
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("path", $"/home/runner/.pulumi/plugins/{kind}-{name}-v{version}/pulumi-{kind}-{name}");
            json.WriteString("type", kind);
            json.WriteString("version", version);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The one place a resource entry is written, in the field order of Go's <c>ResourceV3</c>.</summary>
    private void Resource(
        string urn,
        string type,
        string? parent,
        string? id,
        PropertyWriter? properties,
        string? provider = null,
        IReadOnlyList<string>? dependencies = null,
        IReadOnlyList<(string Key, string[]? Urns)>? propertyDependencies = null,
        bool protect = false,
        bool outputsOnly = false)
    {
        if (!BudgetLeft)
        {
            return;
        }

        _written++;
        json.WriteStartObject();
        json.WriteString("urn", urn);
        json.WriteBoolean("custom", id is not null);
        if (id is not null)
        {
            json.WriteString("id", id);
        }

        json.WriteString("type", type);
        if (properties is not null)
        {
            var shared = random.NextUInt64();
            var live = random.NextUInt64();
            if (!outputsOnly)
            {
                json.WriteStartObject("inputs");
                properties(new DeterministicRandom(shared), null);
                json.WriteEndObject();
            }

            json.WriteStartObject("outputs");
            properties(new DeterministicRandom(shared), new DeterministicRandom(live));
            json.WriteEndObject();
        }

        if (parent is not null)
        {
            json.WriteString("parent", parent);
        }

        if (protect)
        {
            json.WriteBoolean("protect", true);
        }

        if (dependencies is { Count: > 0 })
        {
            WriteStrings("dependencies", dependencies);
        }

        if (provider is not null)
        {
            json.WriteString("provider", provider);
        }

        if (propertyDependencies is not null)
        {
            json.WriteStartObject("propertyDependencies");
            foreach (var (key, urns) in propertyDependencies)
            {
                if (urns is null)
                {
                    // The engine records inputs without dependencies as null; readers must accept it.
                    json.WriteNull(key);
                }
                else
                {
                    WriteStrings(key, urns);
                }
            }

            json.WriteEndObject();
        }

        _clock = _clock.AddMilliseconds(random.Next(5, 900));
        json.WriteString("created", Timestamp(_clock));
        json.WriteString("modified", Timestamp(random.Chance(0.2) ? _clock.AddHours(random.Next(1, 2_000)) : _clock));
        json.WriteEndObject();
        if (json.BytesPending > FlushThreshold)
        {
            json.Flush();
        }
    }

    private static string Timestamp(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private void WriteStrings(string property, IEnumerable<string> values)
    {
        json.WriteStartArray(property);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>A Pulumi secret as stored by the passphrase provider: only the signature and the ciphertext.</summary>
    private void WriteSecret(string property, DeterministicRandom shared, int plaintextBytes)
    {
        json.WriteStartObject(property);
        json.WriteString(SecretSignatureKey, SecretSignature);
        json.WriteString("ciphertext", $"v1:{shared.Base64(12)}:{shared.Base64(plaintextBytes + 16)}");
        json.WriteEndObject();
    }

    private void WriteStack() =>
        Resource(_stackUrn, "pulumi:pulumi:Stack", parent: null, id: null, outputsOnly: true, properties: (_, _) =>
        {
            json.WriteString("stateBackend", "s3://cloudiam-pulumi-state?endpoint=s3.fr-par.scw.cloud&region=fr-par");
            json.WriteString("statusPageUrl", "https://status.cloud-iam.example");
            WriteStrings("sites", _sites.Select(site => site.Key));
        });

    /// <summary>One explicit provider per region; returns the reference (<c>urn::id</c>) resources put in <c>provider</c>.</summary>
    private string WriteCloudProvider(Site site)
    {
        var type = $"pulumi:providers:{site.Provider}";
        var urn = Urn(type, site.Slug);
        var id = random.Uuid();
        Resource(urn, type, _stackUrn, id, (_, _) =>
        {
            switch (site.Provider)
            {
                case SyntheticTopology.Scaleway:
                    json.WriteString("pluginDownloadURL", "github://api.github.com/pulumiverse");
                    json.WriteString("projectId", _projectId);
                    json.WriteString("region", site.Region);
                    json.WriteString("version", "1.54.0");
                    json.WriteString("zone", site.Zones[0]);
                    break;
                case SyntheticTopology.Aws:
                    // Provider config is stored as strings, structured values as JSON text.
                    json.WriteString("defaultTags", $$$"""{"tags":{"cloudiam.io/site":"{{{site.Slug}}}","env":"bench"}}""");
                    json.WriteString("region", site.Region);
                    json.WriteString("skipCredentialsValidation", "false");
                    json.WriteString("skipRegionValidation", "true");
                    json.WriteString("version", "7.48.0");
                    break;
                default:
                    json.WriteString("endpoint", "ovh-eu");
                    json.WriteString("version", "2.7.0");
                    break;
            }
        });
        return $"{urn}::{id}";
    }

    /// <summary>A default provider, as the engine creates it: no parent, named after the plugin version.</summary>
    private void WriteRandomProvider()
    {
        var type = "pulumi:providers:random";
        var urn = Urn(type, "default_4_18_2");
        var id = random.Uuid();
        Resource(urn, type, parent: null, id, (_, _) => json.WriteString("version", "4.18.2"));
        _randomProvider = $"{urn}::{id}";
    }

    private void WriteSite(Site site, string cloudProvider)
    {
        var siteUrn = Urn(SiteType, site.Slug);
        Resource(siteUrn, SiteType, _stackUrn, id: null, properties: null);
        for (var n = 1; n <= site.Networks; n++)
        {
            var cluster = new ClusterSite(site, $"{site.Slug}-{n}", siteUrn, cloudProvider);
            WriteCluster(cluster, n);
            WriteEstateNamespaces(cluster);
            _clusters.Add(cluster);
        }
    }

    /// <summary>A cluster with its network and node pool, and the Kubernetes provider that deploys onto it.</summary>
    private void WriteCluster(ClusterSite cluster, int n)
    {
        switch (cluster.Site.Provider)
        {
            case SyntheticTopology.Scaleway:
                WriteScalewayCluster(cluster, n);
                break;
            case SyntheticTopology.Aws:
                WriteAwsCluster(cluster, n);
                break;
            default:
                WriteOvhCluster(cluster, n);
                break;
        }

        WriteKubernetesProvider(cluster);
    }

    /// <summary>
    /// The Kubernetes provider is a child of the site (so its URN has a <c>$</c> qualified type) and
    /// reaches its cluster only through the kubeconfig's property dependency: the secret hides the rest.
    /// </summary>
    private void WriteKubernetesProvider(ClusterSite cluster)
    {
        var type = "pulumi:providers:kubernetes";
        var urn = Urn(SiteChild(type), $"{cluster.Name}-k8s");
        var id = random.Uuid();
        Resource(urn, type, cluster.SiteUrn, id, (shared, _) =>
        {
            json.WriteString("enableServerSideApply", "true");
            WriteSecret("kubeconfig", shared, 2_400);
            json.WriteString("version", "4.34.2");
        }, dependencies: [cluster.Urn], propertyDependencies: [("kubeconfig", [cluster.Urn])]);
        cluster.KubernetesProvider = $"{urn}::{id}";
    }

    private void WriteEstateNamespaces(ClusterSite cluster)
    {
        var applicable = SyntheticCapabilities.All.Where(c => c.Sites.Contains(cluster.Site.Key)).ToList();
        var deployments = applicable.Single(c => c.Name == SyntheticCapabilities.Deployments);

        // Customer deployments get about a third of the apps: in a real estate they outnumber the tooling.
        cluster.Capabilities = [.. applicable, .. Enumerable.Repeat(deployments, applicable.Count / 2)];
        WriteNamespaces(cluster, applicable.Select(c => c.Namespace).Distinct().Order(StringComparer.Ordinal));
    }

    private void WriteNamespaces(ClusterSite cluster, IEnumerable<string> namespaces)
    {
        var namespaceType = "kubernetes:core/v1:Namespace";
        foreach (var ns in namespaces)
        {
            var urn = Urn(SiteChild(namespaceType), $"{cluster.Name}-{ns}");
            Resource(urn, namespaceType, cluster.SiteUrn, ns, provider: cluster.KubernetesProvider, properties: (_, live) =>
            {
                json.WriteString("apiVersion", "v1");
                json.WriteString("kind", "Namespace");
                WriteMetadata(ns, null, ns, null, cluster.Site, live);
                if (live is not null)
                {
                    json.WriteStartObject("spec");
                    WriteStrings("finalizers", ["kubernetes"]);
                    json.WriteEndObject();
                    json.WriteStartObject("status");
                    json.WriteString("phase", "Active");
                    json.WriteEndObject();
                }
            }, propertyDependencies: [("apiVersion", null), ("kind", null), ("metadata", null)]);
            cluster.Namespaces[ns] = urn;
        }
    }

    /// <summary>Where a server can be attached: a private network or subnet, and the zone it is in (if zonal).</summary>
    private sealed record Attachment(string Urn, string Id, string? Zone);

    /// <summary>One cluster and everything an app on it needs to reference.</summary>
    private sealed class ClusterSite(Site site, string name, string siteUrn, string cloudProvider)
    {
        public Site Site { get; } = site;

        public string Name { get; } = name;

        public string SiteUrn { get; } = siteUrn;

        /// <summary>The reference (<c>urn::id</c>) of the site's cloud provider.</summary>
        public string CloudProvider { get; } = cloudProvider;

        public string Urn { get; set; } = string.Empty;

        public IReadOnlyList<Attachment> Attachments { get; set; } = [];

        /// <summary>The reference (<c>urn::id</c>) of the cluster's Kubernetes provider.</summary>
        public string KubernetesProvider { get; set; } = string.Empty;

        /// <summary>Namespace name → URN of its Namespace resource.</summary>
        public Dictionary<string, string> Namespaces { get; } = new(StringComparer.Ordinal);

        /// <summary>Capabilities deployed here, in the round-robin order apps take them (repeats weight them).</summary>
        public IReadOnlyList<SyntheticCapability> Capabilities { get; set; } = [];

        public int Turn { get; set; }
    }
}
