using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace CloudIam.Pulumi.Hashing;

/// <summary>
/// A hash for lookup tables keyed by long, similar texts (URNs share a long prefix), eight bytes per
/// step: the general-purpose hashes mix four bytes per step and dominate reading a large export.
/// Seeded per process so that crafted input cannot predict collisions.
/// </summary>
internal static class FastHash
{
    private const ulong Multiplier = 0x517CC1B727220A95;

    private static readonly ulong Seed = BinaryPrimitives.ReadUInt64LittleEndian(RandomNumberGenerator.GetBytes(8));

    public static int Of(ReadOnlySpan<byte> data)
    {
        var hash = Seed ^ (ulong)data.Length;
        var i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            hash = Mix(hash, BinaryPrimitives.ReadUInt64LittleEndian(data[i..]));
        }

        if (i < data.Length)
        {
            // The last (overlapping) eight bytes, or the few there are.
            hash = data.Length >= 8
                ? Mix(hash, BinaryPrimitives.ReadUInt64LittleEndian(data[^8..]))
                : Mix(hash, Tail(data));
        }

        return (int)(hash ^ (hash >> 32));
    }

    private static ulong Mix(ulong hash, ulong word) => (BitOperations.RotateLeft(hash, 5) ^ word) * Multiplier;

    private static ulong Tail(ReadOnlySpan<byte> data)
    {
        ulong word = 0;
        foreach (var b in data)
        {
            word = (word << 8) | b;
        }

        return word;
    }
}
