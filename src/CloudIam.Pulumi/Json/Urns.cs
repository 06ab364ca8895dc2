namespace CloudIam.Pulumi.Json;

/// <summary>
/// Pulumi URNs: <c>urn:pulumi:&lt;stack&gt;::&lt;project&gt;::&lt;qualified type&gt;::&lt;name&gt;</c>,
/// where the name is everything after the third <c>::</c> and may itself contain <c>::</c>.
/// </summary>
internal static class Urns
{
    private const string Prefix = "urn:pulumi:";

    public static bool IsUrn(ReadOnlySpan<char> text) => NameStart(text) >= 0;

    public static string NameOf(string urn) => NameStart(urn) is var start and >= 0
        ? urn[start..]
        : throw new JsonContentException($"'{urn}' is not a Pulumi URN (urn:pulumi:<stack>::<project>::<type>::<name>)");

    /// <summary>The stack a URN belongs to; null for text that is not a Pulumi URN.</summary>
    public static string? StackOf(string urn)
    {
        if (!IsUrn(urn))
        {
            return null;
        }

        var end = urn.IndexOf("::", Prefix.Length, StringComparison.Ordinal);
        return urn[Prefix.Length..end];
    }

    private static int NameStart(ReadOnlySpan<char> urn)
    {
        if (!urn.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return -1;
        }

        var offset = 0;
        for (var separators = 0; separators < 3; separators++)
        {
            var next = urn[offset..].IndexOf("::", StringComparison.Ordinal);
            if (next < 0)
            {
                return -1;
            }

            offset += next + 2;
        }

        return offset;
    }
}
