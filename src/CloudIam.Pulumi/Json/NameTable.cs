using System.Text;
using System.Text.Json;

namespace CloudIam.Pulumi.Json;

/// <summary>
/// Matches the property name the reader is on against a fixed set of names by its UTF-8 bytes,
/// so unwanted properties can be skipped for the price of one hash lookup.
/// </summary>
internal sealed class NameTable<T>
{
    private readonly Dictionary<string, T> _entries;
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<byte>> _lookup;

    /// <summary>Bit n set when a name is n bytes long (names of 63 bytes or more share bit 63).</summary>
    private readonly ulong _lengths;

    public NameTable(IEnumerable<KeyValuePair<string, T>> entries)
    {
        _entries = new Dictionary<string, T>(entries, Utf8KeyComparer.Instance);
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<byte>>();
        foreach (var name in _entries.Keys)
        {
            _lengths |= LengthBit(Encoding.UTF8.GetByteCount(name));
        }
    }

    /// <summary>The table's own key string comes back as <paramref name="name"/>, so keeping it costs nothing.</summary>
    public bool TryGet(ref Utf8JsonReader reader, out string name, out T value)
    {
        if (!reader.ValueIsEscaped)
        {
            // Most names are not in the table, and most of those can be told by their length alone.
            if ((_lengths & LengthBit(reader.ValueSpan.Length)) == 0)
            {
                name = "";
                value = default!;
                return false;
            }

            return _lookup.TryGetValue(reader.ValueSpan, out name!, out value!);
        }

        // An escaped name must be decoded before it can be compared; Pulumi escapes almost nothing.
        name = JsonText.Read(ref reader);
        return _entries.TryGetValue(name, out value!);
    }

    private static ulong LengthBit(int length) => 1UL << Math.Min(length, 63);
}
