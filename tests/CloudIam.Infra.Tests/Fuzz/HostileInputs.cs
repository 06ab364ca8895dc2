using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace CloudIam.Infra.Tests.Fuzz;

/// <summary>
/// Generators of hostile inputs, each a mutation of a real file of the repository: truncation, byte
/// flips, deep nesting, aliases, huge strings, reference cycles, wrong types and missing keys. Starting
/// from real files keeps most cases close enough to valid to reach past the parser into the readers.
/// </summary>
internal static class HostileInputs
{
    public static readonly string[] Policies = [RepoText("policy/placement.yaml"), .. FixtureTexts("policies", "*.yaml")];

    public static readonly string[] Scenarios = [RepoText("scenarios/2026-scaleway-private-network-dns.yaml")];

    public static readonly string[] StackConfigs = [RepoText("stacks/Pulumi.prod.yaml"), RepoText("stacks/Pulumi.staging.yaml")];

    public static readonly string[] ProviderFiles =
        [.. Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", "CloudIam.Pulumi", "Providers"), "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    public static readonly string[] GitLabPipelines = [RepoText(".gitlab-ci.yml"), .. FixtureTexts("pipelines", "gitlab-*.yml")];

    public static readonly string[] GitHubWorkflows = [RepoText(".github/workflows/placement.yml"), .. FixtureTexts("pipelines", "github-*.yml")];

    public static readonly string[] Exports = FixtureTexts("exports", "*.json");

    public static readonly string[] Previews = FixtureTexts("previews", "*.json");

    /// <summary>A hostile YAML document derived from one of <paramref name="seeds"/>.</summary>
    public static Gen<byte[]> Yaml(string[] seeds) =>
        Gen.Int[0, seeds.Length - 1].SelectMany(i => Gen.Frequency(
            (4, TextEdits(seeds[i], YamlTokens)),
            (2, Bytes(seeds[i])),
            (1, Nesting(seeds[i], "[", "]", "- ")),
            (1, AliasBomb(seeds[i])),
            (1, HugeValue(seeds[i], quote: "'", YamlHugeLength))));

    /// <summary>A hostile JSON document derived from one of <paramref name="seeds"/>.</summary>
    public static Gen<byte[]> Json(string[] seeds) =>
        Gen.Int[0, seeds.Length - 1].SelectMany(i => Gen.Frequency(
            (4, Structural(seeds[i])),
            (2, TextEdits(seeds[i], JsonTokens)),
            (2, Bytes(seeds[i])),
            (1, Nesting(seeds[i], "[", "]", "{\"a\":")),
            (1, HugeValue(seeds[i], quote: "\"", JsonHugeLength))));

    private static readonly string[] YamlTokens = ["[", "]", "{", "}", ":", "- ", "*a", "&a ", "<<: *a", "!!binary ", "~", "\"", "'", "\t", "\n", "\0", "? ", "|", ">-", "%YAML 1.1\n", "---\n", "...\n", "-1", "1e999", "0x10", "99999999999999999999", "\u2028", "\uFEFF"];

    private static readonly string[] JsonTokens = ["[", "]", "{", "}", ":", ",", "\"", "\\u0000", "\\ud800", "null", "true", "-0", "1e999", "99999999999999999999", "\"urn:pulumi:x::y::z::w\"", "\0", "\uFEFF"];

    private static Gen<byte[]> Bytes(string seed)
    {
        var bytes = Encoding.UTF8.GetBytes(seed);
        return Gen.Frequency(
            (1, Gen.Int[0, bytes.Length].Select(cut => bytes[..cut])),
            (2, Gen.Select(Gen.Int[0, bytes.Length - 1].Array[1, 8], Gen.Byte.Array[8], (at, values) =>
            {
                var flipped = (byte[])bytes.Clone();
                for (var k = 0; k < at.Length; k++)
                {
                    flipped[at[k]] = values[k];
                }

                return flipped;
            })));
    }

    /// <summary>Tokens inserted, lines deleted or duplicated, a span replaced by a token.</summary>
    private static Gen<byte[]> TextEdits(string seed, string[] tokens) =>
        Gen.Select(Gen.Int[0, seed.Length].Array[1, 4], Gen.OneOf(tokens).Array[4], Gen.Int[0, 3], (at, inserted, kind) =>
        {
            var text = new StringBuilder(seed);
            for (var k = 0; k < at.Length; k++)
            {
                var position = Math.Min(at[k], text.Length);
                switch (kind)
                {
                    case 0:
                        text.Insert(position, inserted[k]);
                        break;
                    case 1:
                        text.Remove(position, Math.Min(text.Length - position, 1 + (at[k] % 40)));
                        break;
                    case 2:
                        text.Remove(position, Math.Min(text.Length - position, 1 + (at[k] % 8))).Insert(position, inserted[k]);
                        break;
                    default:
                        var line = LineAround(text.ToString(), position);
                        text.Insert(position, line);
                        break;
                }
            }

            return Encoding.UTF8.GetBytes(text.ToString());
        });

    private static Gen<byte[]> Nesting(string seed, string open, string close, string blockOpen) =>
        Gen.Select(Gen.Int[0, seed.Length], Gen.Int[1, 100_000], Gen.Int[0, 2], (at, depth, kind) =>
        {
            var nested = kind switch
            {
                0 => string.Concat(Enumerable.Repeat(open, depth)) + string.Concat(Enumerable.Repeat(close, depth)),
                1 => string.Concat(Enumerable.Repeat(open, depth)),
                _ => string.Concat(Enumerable.Range(0, Math.Min(depth, 2_000)).Select(d => "\n" + new string(' ', d) + blockOpen)),
            };
            return Encoding.UTF8.GetBytes(seed[..at] + nested + seed[at..]);
        });

    /// <summary>"Billion laughs" ahead of the document, and the last alias used in its first value.</summary>
    private static Gen<byte[]> AliasBomb(string seed) =>
        Gen.Int[2, 12].Select(levels =>
        {
            var bomb = new StringBuilder("bomb0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
            for (var level = 1; level < levels; level++)
            {
                bomb.Append($"bomb{level}: &a{level} [{string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 9))}]\n");
            }

            var colon = seed.IndexOf(": ", StringComparison.Ordinal);
            var used = colon < 0 ? seed : $"{seed[..colon]}: *a{levels - 1} #{seed[(colon + 2)..]}";
            return Encoding.UTF8.GetBytes(bomb + used);
        });

    /// <summary>
    /// Just over the YAML value limit (64 Ki characters), or several times over it. Not megabytes: a YAML reader
    /// stops at the limit only after scanning the whole scalar, so those cost time per case and test nothing more.
    /// </summary>
    private static readonly Gen<int> YamlHugeLength = Gen.OneOf(70_000, 300_000);

    /// <summary>Under the JSON string limit (1 MiB) but long, or just over it.</summary>
    private static readonly Gen<int> JsonHugeLength = Gen.OneOf(70_000, 1_100_000);

    private const int JsonLimitsPlus = 1_100_000;

    private static Gen<byte[]> HugeValue(string seed, string quote, Gen<int> lengths) =>
        Gen.Select(Gen.Int[0, seed.Length], lengths, Gen.Char['\u0001', '\u00ff'], (at, length, c) =>
            Encoding.UTF8.GetBytes(seed[..at] + quote + new string(c == '"' || c == '\'' || c == '\\' ? 'x' : c, length) + quote + seed[at..]));

    /// <summary>Valid JSON with a wrong type, a missing key, a duplicated resource or a reference cycle.</summary>
    private static Gen<byte[]> Structural(string seed) =>
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], (kind, a, b) =>
        {
            var root = JsonNode.Parse(seed)!;
            var objects = Descendants(root).OfType<JsonObject>().Where(o => o.Count > 0).ToList();
            var target = objects[a % objects.Count];
            var key = target.Select(p => p.Key).ElementAt(b % target.Count);
            var resources = Resources(root);
            switch (kind)
            {
                case 0:
                    target.Remove(key);
                    break;
                case 1:
                    target[key] = (b % 5) switch { 0 => 42, 1 => new JsonArray(), 2 => new JsonObject(), 3 => null, _ => "wrong" };
                    break;
                case 2 when resources is { Count: > 1 }:
                    var first = (JsonObject)resources[a % resources.Count]!;
                    var second = (JsonObject)resources[b % resources.Count]!;
                    first["parent"] = second["urn"]?.DeepClone();
                    second["parent"] = first["urn"]?.DeepClone();
                    first["dependencies"] = new JsonArray(second["urn"]?.DeepClone());
                    second["dependencies"] = new JsonArray(first["urn"]?.DeepClone());
                    break;
                case 3 when resources is { Count: > 0 }:
                    resources.Add(resources[a % resources.Count]!.DeepClone());
                    break;
                default:
                    target[key] = new string('x', (b % 3) switch { 0 => 100, 1 => 70_000, _ => JsonLimitsPlus });
                    break;
            }

            return Encoding.UTF8.GetBytes(root.ToJsonString());
        });

    private static JsonArray? Resources(JsonNode root) =>
        (root["deployment"]?["resources"] ?? root["steps"]) as JsonArray;

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }

    private static string LineAround(string text, int position)
    {
        var start = text.LastIndexOf('\n', Math.Max(0, position - 1)) + 1;
        var end = text.IndexOf('\n', position);
        return text[start..(end < 0 ? text.Length : end + 1)];
    }

    private static string RepoText(string relative) => File.ReadAllText(Path.Combine(Repository.Root, relative));

    private static string[] FixtureTexts(string folder, string pattern) =>
        [.. Directory.EnumerateFiles(Path.Combine(Repository.Root, "tests", "fixtures", folder), pattern).Order(StringComparer.Ordinal).Select(File.ReadAllText)];
}
