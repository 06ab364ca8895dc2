namespace CloudIam.Pulumi.Json;

/// <summary>Pulumi's markers for special property values (<c>sdk/go/common/resource/sig</c>).</summary>
internal static class Signatures
{
    public const string KeyName = "4dabf18193072939515e22adb298388d";

    /// <summary>The key of an object that is a special value rather than a map.</summary>
    public static ReadOnlySpan<byte> Key => "4dabf18193072939515e22adb298388d"u8;

    public static ReadOnlySpan<byte> Secret => "1b47061264138c4ac30d75fd1eb44270"u8;

    public static ReadOnlySpan<byte> ResourceReference => "5cf8f73096256a8f31e491e813e4eb8e"u8;

    /// <summary>A value not known until the update runs (also a provider ID before the provider exists).</summary>
    public static ReadOnlySpan<byte> Unknown => "04da6b54-80e4-46f7-96ec-b56ff0331ba9"u8;

    /// <summary>How <c>pulumi preview --json</c> writes every secret.</summary>
    public static ReadOnlySpan<byte> BlindedSecret => "[secret]"u8;
}
