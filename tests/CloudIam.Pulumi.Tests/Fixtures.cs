using System.Text;
using System.Text.Json;
using CloudIam.Placement.Design;
using CloudIam.Pulumi.Graph;

namespace CloudIam.Pulumi.Tests;

/// <summary>The shared fixtures under <c>tests/fixtures</c>, and small exports written inline.</summary>
internal static class Fixtures
{
    public const string Healthy = "exports/healthy-two-provider.json";
    public const string ScalewayOnly = "exports/scaleway-only.json";
    public const string AwsOnly = "exports/aws-only.json";
    public const string HealthyPreview = "previews/healthy-two-provider.preview.json";

    public const string Prefix = "urn:pulumi:prod::cloudiam-infra::";

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>A version 3 export around the given resource objects.</summary>
    public static byte[] Export(params string[] resources) =>
        Encoding.UTF8.GetBytes($$$"""{"version": 3, "deployment": {"resources": [{{{string.Join(",", resources)}}}]}}""");

    public static PulumiResource Named(this ResourceGraph graph, string name) => graph.Resources.Single(r => r.Name == name);

    public static DesignResource Named(this PlacementDesign design, string name) => design.Resources.Single(r => r.Name == name);

    /// <summary>Every string a graph holds anywhere, to prove what it does not hold.</summary>
    public static IEnumerable<string> AllStrings(ResourceGraph graph) => graph.Resources.SelectMany(r =>
        new[] { r.Urn, r.Type, r.Name, r.Parent, r.Provider }.OfType<string>()
            .Concat(r.Dependencies)
            .Concat(r.PropertyDependencies.Keys)
            .Concat(r.PropertyDependencies.Values.SelectMany(urns => urns))
            .Concat(Strings(r.Inputs))
            .Concat(Strings(r.Outputs)));

    /// <summary>Every top-level input and output name used in a fixture, to make a reader keep everything.</summary>
    public static string[] AllPropertyRoots(byte[] json)
    {
        var roots = new HashSet<string>(StringComparer.Ordinal);
        Walk(JsonDocument.Parse(json).RootElement, (name, value) =>
        {
            if (name is "inputs" or "outputs" && value.ValueKind == JsonValueKind.Object)
            {
                roots.UnionWith(value.EnumerateObject().Select(p => p.Name));
            }
        });
        return [.. roots];
    }

    /// <summary>The ciphertexts and plaintexts of the secrets in a fixture, decoded plaintext included.</summary>
    public static string[] SecretCanaries(byte[] json)
    {
        var canaries = new List<string>();
        Walk(JsonDocument.Parse(json).RootElement, (name, value) =>
        {
            if (name is "ciphertext" or "plaintext" && value.GetString() is { } text)
            {
                canaries.Add(text);
                if (name == "plaintext" && JsonSerializer.Deserialize<string>(text) is { } decoded)
                {
                    canaries.Add(decoded);
                }
            }
        });
        return [.. canaries];
    }

    private static IEnumerable<string> Strings(PropertyValue value) => value switch
    {
        StringValue text => [text.Value],
        ListValue list => list.Items.SelectMany(Strings),
        MapValue map => map.Items.Keys.Concat(map.Items.Values.SelectMany(Strings)),
        _ => [],
    };

    private static void Walk(JsonElement element, Action<string, JsonElement> visit)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    visit(property.Name, property.Value);
                    Walk(property.Value, visit);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, visit);
                }

                break;
        }
    }
}
