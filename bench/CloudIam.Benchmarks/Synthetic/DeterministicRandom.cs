namespace CloudIam.Benchmarks.Synthetic;

/// <summary>
/// SplitMix64. Chosen over <see cref="Random"/> because its sequence is defined here, not by the
/// runtime, so a seed yields byte-identical exports on every machine and .NET version.
/// </summary>
internal sealed class DeterministicRandom(ulong seed)
{
    private const string HexDigits = "0123456789abcdef";

    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, maxExclusive); the modulo bias is irrelevant for synthetic data.</summary>
    public int Next(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);

    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public string Hex(int length) => string.Create(length, this, static (chars, random) =>
    {
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = HexDigits[random.Next(16)];
        }
    });

    public string Uuid()
    {
        var hex = Hex(32);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    public string Base64(int byteCount)
    {
        var bytes = new byte[byteCount];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)NextUInt64();
        }

        return Convert.ToBase64String(bytes);
    }
}
