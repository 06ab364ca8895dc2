using System.Text.Encodings.Web;
using System.Text.Json;

namespace CloudIam.Benchmarks.Synthetic;

/// <summary>Whitespace of a generated export; the tokens are the same either way.</summary>
public enum ExportLayout
{
    /// <summary>
    /// No whitespace, as <c>json.Marshal</c> and the Pulumi Cloud export API write it. About half the size of
    /// <see cref="Indented"/>, which keeps 500k resources (~1 GB) inside one array for in-memory benchmarks.
    /// </summary>
    Compact,

    /// <summary>Four-space indentation, exactly as <c>pulumi stack export</c> writes files (<c>enc.SetIndent("", "    ")</c>).</summary>
    Indented,
}

/// <summary>What kind of estate a generated export describes; each stresses the checker differently.</summary>
public enum ExportShape
{
    /// <summary>Three providers (one unknown to the catalog), nine regions, ten clusters, thirty capabilities deployed as app components.</summary>
    Estate,

    /// <summary>
    /// About one Kapsule or EKS cluster per 75 resources over seven regions of two providers, each with its network,
    /// node pool, Kubernetes provider, nine namespaces and 60 Helm releases of seven capabilities: at 50k, ~670
    /// clusters and ~6,000 instances per capability, each cluster its own network domain.
    /// </summary>
    ManySmallSites,

    /// <summary>The same releases on four clusters (two regions of each provider): few domains, huge instance groups.</summary>
    FewHugeClusters,
}

/// <summary>
/// A deterministic, realistic <c>pulumi stack export</c> (checkpoint v3, see pulumi-facts §6.1) of a
/// multi-provider estate: explicit Scaleway, AWS and OVH providers per region, networks, managed
/// Kubernetes clusters with one Kubernetes provider each, and a bulk of Helm releases, Kubernetes
/// objects, servers and buckets tagged with the capabilities of <see cref="SyntheticPolicy"/>.
/// The same seed and size always give the same bytes, and a smaller export is a prefix (by
/// resource) of a larger one, so measurements are comparable across runs and machines.
/// </summary>
public static class SyntheticExport
{
    public const ulong DefaultSeed = 20_260_820;

    public const string Stack = "bench";

    public const string Project = "cloudiam-infra";

    /// <summary>Measured average size of a compact resource, only to size the buffer and avoid growth copies.</summary>
    private const long CompactBytesPerResource = 2_000;

    /// <summary>The export as UTF-8 JSON bytes, with exactly <paramref name="resources"/> entries in <c>deployment.resources</c>.</summary>
    public static byte[] Generate(int resources, ExportLayout layout = ExportLayout.Compact, ulong seed = DefaultSeed, ExportShape shape = ExportShape.Estate)
    {
        var estimate = resources * CompactBytesPerResource * (layout == ExportLayout.Indented ? 2 : 1);
        using var buffer = new MemoryStream((int)Math.Min(estimate, Array.MaxLength));
        Write(buffer, resources, layout, seed, shape);
        return buffer.ToArray();
    }

    /// <summary>Streams the export, so files larger than one array can hold are fine too.</summary>
    public static void Write(Stream output, int resources, ExportLayout layout = ExportLayout.Compact, ulong seed = DefaultSeed, ExportShape shape = ExportShape.Estate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(resources);

        // Neither '+' nor non-ASCII is escaped, as the CLI's Go encoder writes with SetEscapeHTML(false).
        var options = new JsonWriterOptions
        {
            Indented = layout == ExportLayout.Indented,
            IndentSize = 4,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using var json = new Utf8JsonWriter(output, options);
        new ExportWriter(json, new DeterministicRandom(seed), resources, shape).Write();
        json.Flush();
    }
}
