using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CloudIam.Placement.Policy;

public static partial class PolicyLoader
{
    /// <summary>
    /// "unknown X 'word' (did you mean 'y'?); expected one of: …" — shared by every place that
    /// rejects a name a person typed (keys, capability names, domain kinds, rule IDs).
    /// </summary>
    private static string Unknown(string what, string word, IEnumerable<string> expected)
    {
        var candidates = expected.Order(StringComparer.Ordinal).ToList();
        var hint = Spelling.DidYouMean(word, candidates) is { } close ? $" (did you mean '{close}'?)" : "";
        var list = candidates.Count == 0 ? "" : $"; expected one of: {string.Join(", ", candidates)}.";
        return $"unknown {what} '{word}'{hint}{list}";
    }

    /// <summary>Typed access to YAML nodes; every failure names the node's line and column.</summary>
    private sealed class Nodes(string source)
    {
        public string Source => source;

        public static bool IsNull(YamlNode node) =>
            node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "" or "~" or "null" or "Null" or "NULL" };

        public BadInputException Fail(YamlNode node, string problem) =>
            new(source, $"line {node.Start.Line}, column {node.Start.Column}", problem);

        /// <summary>
        /// The fields of a mapping by name. <paramref name="keys"/> null means free-form names (the
        /// capabilities section); otherwise any other key is rejected with a spelling hint.
        /// </summary>
        public Dictionary<string, YamlNode> Mapping(YamlNode node, string what, IReadOnlyCollection<string>? keys, bool allowNull)
        {
            if (allowNull && IsNull(node))
            {
                return [];
            }

            if (node is not YamlMappingNode mapping)
            {
                throw Fail(node, $"{what} must be a mapping, found {Describe(node)}");
            }

            var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (key, value) in mapping.Children)
            {
                if (key is not YamlScalarNode { Value: { Length: > 0 } name } || IsNull(key))
                {
                    throw Fail(key, $"the keys of {what} must be names, found {Describe(key)}");
                }

                if (keys is not null && !keys.Contains(name))
                {
                    throw Fail(key, Unknown($"key in {what}", name, keys));
                }

                fields[name] = value;
            }

            return fields;
        }

        public YamlNode Required(Dictionary<string, YamlNode> fields, YamlNode owner, string what, string key) =>
            fields.TryGetValue(key, out var value) ? value : throw Fail(owner, $"{what} needs '{key}'");

        public IList<YamlNode> Sequence(YamlNode node, string what) =>
            node is YamlSequenceNode sequence ? sequence.Children : throw Fail(node, $"'{what}' must be a list, found {Describe(node)}");

        public string Text(YamlNode node, string what) =>
            node is YamlScalarNode { Value: { } value } && !IsNull(node)
                ? value
                : throw Fail(node, $"'{what}' must be a text value, found {Describe(node)}");

        public string OneOf(YamlNode node, string what, IReadOnlyCollection<string> values)
        {
            var text = Text(node, what);
            return values.Contains(text) ? text : throw Fail(node, Unknown($"value for '{what}'", text, values));
        }

        public bool Boolean(YamlNode node, string what) => Text(node, what).ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            var other => throw Fail(node, $"'{what}' must be true or false, found '{other}'"),
        };

        public int Integer(YamlNode node, string what, int minimum)
        {
            var text = Text(node, what);
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                throw Fail(node, $"'{what}' must be a whole number, found '{text}'");
            }

            return value >= minimum ? value : throw Fail(node, $"'{what}' must be at least {minimum}, found {value}");
        }

        public double Number(YamlNode node, string what, double minimum)
        {
            var text = Text(node, what);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw Fail(node, $"'{what}' must be a number, found '{text}'");
            }

            return value >= minimum
                ? value
                : throw Fail(node, $"'{what}' must be at least {minimum.ToString(CultureInfo.InvariantCulture)}, found {text}");
        }

        public DateOnly Date(YamlNode node, string what)
        {
            var text = Text(node, what);
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw Fail(node, $"'{what}' must be a date written yyyy-MM-dd, found '{text}'");
        }

        private static string Describe(YamlNode node) => node switch
        {
            YamlMappingNode => "a mapping",
            YamlSequenceNode => "a list",
            _ when IsNull(node) => "nothing",
            YamlScalarNode scalar => $"'{scalar.Value}'",
            _ => "an unsupported node",
        };
    }
}
