using System.Text.Json;

namespace CloudIam.Pulumi.Json;

/// <summary>
/// Decoding of the string or property name the reader is on. <see cref="Utf8JsonReader"/> does not
/// check UTF-8 while reading, only when decoding, so every decode goes through here to turn bad
/// bytes into a located input error.
/// </summary>
internal static class JsonText
{
    /// <summary>The shared instance of the text, decoded only the first time it is seen.</summary>
    public static string Intern(ref Utf8JsonReader reader, StringPool pool) =>
        reader.ValueIsEscaped
            ? pool.Intern(Read(ref reader)) // must be unescaped before it can be compared; Pulumi escapes almost nothing
            : Intern(ref reader, pool, reader.ValueSpan);

    /// <summary>The shared instance of raw bytes of the current token (which must not be escaped).</summary>
    public static string Intern(ref Utf8JsonReader reader, StringPool pool, ReadOnlySpan<byte> utf8)
    {
        Bound(ref reader, utf8.Length);
        try
        {
            return pool.Intern(utf8);
        }
        catch (InvalidOperationException)
        {
            throw InvalidUtf8(ref reader);
        }
    }

    public static string Read(ref Utf8JsonReader reader)
    {
        Bound(ref reader, reader.ValueSpan.Length);
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw InvalidUtf8(ref reader);
        }
    }

    private static void Bound(ref Utf8JsonReader reader, int bytes)
    {
        if (bytes > JsonLimits.MaxStringBytes)
        {
            throw new JsonContentException($"a string of {bytes:N0} bytes; kept strings are limited to {JsonLimits.MaxStringBytes:N0} bytes", reader.TokenStartIndex);
        }
    }

    private static JsonContentException InvalidUtf8(ref Utf8JsonReader reader) =>
        new("text is not valid UTF-8", reader.TokenStartIndex);
}
