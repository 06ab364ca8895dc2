using System.Buffers;
using System.Text.Json;

namespace CloudIam.Pulumi.Json;

/// <summary>
/// Decoding of the string or property name the reader is on. <see cref="Utf8JsonReader"/> does not
/// check UTF-8 while reading, only when decoding, so every decode goes through here to turn bad
/// bytes into a located input error.
/// </summary>
internal static class JsonText
{
    /// <summary>Longest text decoded on the stack; longer text uses a pooled buffer.</summary>
    public const int StackChars = 512;

    public static string Intern(ref Utf8JsonReader reader, StringPool pool)
    {
        var length = reader.ValueSpan.Length;
        if (length <= StackChars)
        {
            Span<char> buffer = stackalloc char[StackChars];
            return pool.Intern(buffer[..Copy(ref reader, buffer)]);
        }

        var rented = ArrayPool<char>.Shared.Rent(length);
        try
        {
            return pool.Intern(rented.AsSpan(0, Copy(ref reader, rented)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    public static string Read(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw InvalidUtf8(ref reader);
        }
    }

    /// <summary>Decodes into <paramref name="buffer"/>, which must hold at least <c>ValueSpan.Length</c> chars.</summary>
    public static int Copy(ref Utf8JsonReader reader, scoped Span<char> buffer)
    {
        try
        {
            return reader.CopyString(buffer);
        }
        catch (InvalidOperationException)
        {
            throw InvalidUtf8(ref reader);
        }
    }

    private static JsonContentException InvalidUtf8(ref Utf8JsonReader reader) =>
        new("text is not valid UTF-8", reader.TokenStartIndex);
}
