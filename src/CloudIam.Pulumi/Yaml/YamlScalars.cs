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
            // Literal blocks keep configs (TOML, Gatus YAML) readable, but the block's indentation is
            // read from its first line, so text that starts with a blank or with spaces, or has lines of
            // nothing but blanks, does not survive one; such text is double-quoted.
            return LiteralBlockSafe(text) ? ScalarStyle.Literal : ScalarStyle.DoubleQuoted;
        }

        return CanBePlain(text) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;
    }

    private static bool LiteralBlockSafe(string text) =>
        text[0] is not (' ' or '\n')
        && text.All(c => c is '\n' or (>= ' ' and <= '~'))
        && text.Split('\n').All(line => line.Length == 0 || !string.IsNullOrWhiteSpace(line));

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
