using System.Runtime.InteropServices;

namespace CloudIam.Pulumi.Hashing;

/// <summary>Ordinal string comparison with <see cref="FastHash"/>, for the URN-keyed tables of a large graph.</summary>
internal sealed class UrnComparer : IEqualityComparer<string>
{
    public static UrnComparer Instance { get; } = new();

    private UrnComparer()
    {
    }

    public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

    public int GetHashCode(string text) => FastHash.Of(MemoryMarshal.AsBytes(text.AsSpan()));
}
