using System.Text.Json;

namespace CloudIam.Pulumi.Json;

/// <summary>
/// Matches the property name the reader is on against a fixed set of names without allocating,
/// so unwanted properties can be skipped for the price of a hash lookup.
/// </summary>
internal sealed class NameTable<T>
{
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public NameTable(IEnumerable<KeyValuePair<string, T>> entries) =>
        _lookup = new Dictionary<string, T>(entries, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The table's own key string comes back as <paramref name="name"/>, so keeping it costs nothing.</summary>
    public bool TryGet(ref Utf8JsonReader reader, out string name, out T value)
    {
        // No name in a table is this long, and the check keeps the decode buffer on the stack.
        if (reader.ValueSpan.Length > JsonText.StackChars)
        {
            name = "";
            value = default!;
            return false;
        }

        Span<char> buffer = stackalloc char[JsonText.StackChars];
        var length = JsonText.Copy(ref reader, buffer);
        return _lookup.TryGetValue(buffer[..length], out name!, out value!);
    }
}
