using System.Collections.Frozen;
using YamlDotNet.Core;

namespace CloudIam.Pulumi.Yaml;

/// <summary>
/// Decides how a string scalar is written. Pulumi type-checks properties against the schema, so a string
/// that YAML would read as a number, bool, null or date (<c>"1.35"</c>, <c>"on"</c>, <c>"0123"</c>) must be quoted.
/// </summary>
internal static class YamlScalars
{
    // YAML 1.1 and 1.2 spellings of bool and null; quoting them costs nothing and survives both parsers.
    private static readonly FrozenSet<string> ReservedWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", "=", "<<");

    private const string Indicators = "-?:,[]{}#&*!|>'\"%@`.+<";

    public static ScalarStyle StyleFor(string text)
    {
        if (text.Contains('\n', StringComparison.Ordinal))
        {
            // Literal blocks keep configs (TOML, Gatus YAML) readable. Text of only line breaks and
            // blanks has no content line to carry the block's indentation, and YamlDotNet would write
            // an empty block that reads back as "", so such text is double-quoted.
            return text.Any(c => c is not ('\n' or ' ' or '\t')) && text.All(c => c is '\n' or (>= ' ' and <= '~'))
                ? ScalarStyle.Literal
                : ScalarStyle.DoubleQuoted;
        }

        return CanBePlain(text) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;
    }

    private static bool CanBePlain(string text) =>
        text.Length > 0
        && !ReservedWords.Contains(text)
        && !char.IsAsciiDigit(text[0])
        && !Indicators.Contains(text[0], StringComparison.Ordinal)
        && !char.IsWhiteSpace(text[^1])
        && text[^1] != ':'
        && !text.Contains(": ", StringComparison.Ordinal)
        && !text.Contains(" #", StringComparison.Ordinal)
        && text.All(c => c is >= ' ' and <= '~');
}
