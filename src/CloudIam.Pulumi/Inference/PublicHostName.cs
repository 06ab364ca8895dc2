using CloudIam.Pulumi.Graph;
using CloudIam.Pulumi.Providers;

namespace CloudIam.Pulumi.Inference;

/// <summary>
/// The host name a public DNS record (a type whose role is <c>dns-record</c> in its provider file) publishes, read
/// from its zone (<c>dnsZone</c> on Scaleway, <c>zoneId</c> on Route 53) and <c>name</c>. The <c>fqdn</c> output wins
/// when the record exists; before that Scaleway's <c>name</c> is relative to its zone and Route 53's is taken as
/// written (the program writes it fully qualified).
/// </summary>
internal static class PublicHostName
{
    public const string DnsZone = "dnsZone";
    public const string ZoneId = "zoneId";
    public const string Name = "name";
    public const string Fqdn = "fqdn";

    public static string? Of(PulumiResource resource, ProviderCatalog providers)
    {
        if (!providers.Is(resource.Type, ResourceRole.DnsRecord))
        {
            return null;
        }

        var inputs = resource.Inputs;

        if (resource.Outputs.Child(Fqdn) is StringValue { Value.Length: > 0 } fqdn)
        {
            return Normal(fqdn.Value);
        }

        var name = inputs.Child(Name) is StringValue text ? text.Value : "";
        return inputs.Child(DnsZone) is StringValue { Value: var zone }
            ? Normal(name.Length == 0 ? zone : $"{name}.{zone}")
            : name.Length == 0 ? null : Normal(name);
    }

    private static string Normal(string host) => host.TrimEnd('.').ToLowerInvariant();
}
