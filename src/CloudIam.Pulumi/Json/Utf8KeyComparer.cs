using System.Text;
using System.Text.Unicode;
using CloudIam.Pulumi.Hashing;

namespace CloudIam.Pulumi.Json;

/// <summary>
/// Compares string keys with the raw UTF-8 bytes of a JSON token, so the readers can look names and
/// URNs up without decoding them first. Both sides hash the UTF-8 form.
/// </summary>
internal sealed class Utf8KeyComparer : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<byte>, string>
{
    public static Utf8KeyComparer Instance { get; } = new();

    private Utf8KeyComparer()
    {
    }

    public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

    public int GetHashCode(string text) => GetHashCode(Encoding.UTF8.GetBytes(text));

    public int GetHashCode(ReadOnlySpan<byte> utf8) => FastHash.Of(utf8);

    public bool Equals(ReadOnlySpan<byte> utf8, string text) =>
        Ascii.Equals(utf8, text) || (!Ascii.IsValid(text) && utf8.SequenceEqual(Encoding.UTF8.GetBytes(text)));

    /// <summary>Only called for bytes that are not a key yet, so the UTF-8 check costs nothing on a hit.</summary>
    public string Create(ReadOnlySpan<byte> utf8) =>
        Utf8.IsValid(utf8) ? Encoding.UTF8.GetString(utf8) : throw new InvalidOperationException("not valid UTF-8");
}
