using System.Globalization;

namespace CloudIam.Infra.Stacks;

/// <summary>An IPv4 network in CIDR notation; the host bits must be zero so the text is canonical.</summary>
public readonly record struct Ipv4Cidr
{
    private Ipv4Cidr(uint network, int prefixLength)
    {
        Network = network;
        PrefixLength = prefixLength;
    }

    public uint Network { get; }

    public int PrefixLength { get; }

    /// <summary>True for <c>0.0.0.0/0</c>: every address.</summary>
    public bool IsEverywhere => PrefixLength == 0;

    public static bool TryParse(string text, out Ipv4Cidr cidr)
    {
        cidr = default;
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix > 32
            || !System.Net.IPAddress.TryParse(parts[0], out var address)
            || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork
            || address.ToString() != parts[0])
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        var network = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
        if ((network & ~Mask(prefix)) != 0)
        {
            return false;
        }

        cidr = new Ipv4Cidr(network, prefix);
        return true;
    }

    /// <summary>The <paramref name="index"/>-th subnet of length <paramref name="prefixLength"/> inside this network.</summary>
    public Ipv4Cidr Subnet(int prefixLength, int index)
    {
        if (prefixLength < PrefixLength || prefixLength > 32 || index < 0 || (long)index >= 1L << (prefixLength - PrefixLength))
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"{this} has no subnet /{prefixLength} number {index}");
        }

        return new Ipv4Cidr(Network | (uint)((ulong)index << (32 - prefixLength)), prefixLength);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Network >> 24}.{(Network >> 16) & 255}.{(Network >> 8) & 255}.{Network & 255}/{PrefixLength}");

    private static uint Mask(int prefix) => prefix == 0 ? 0 : uint.MaxValue << (32 - prefix);
}
