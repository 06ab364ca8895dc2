namespace CloudIam.Pulumi.Pipelines;

/// <summary>
/// Infers which cloud provider a Pulumi state backend or secrets provider URL lives on, so that a
/// deploy job's edges to its state and its keys carry the provider whose loss takes them away (PL005).
/// Pulumi URL knowledge stays here, in the glue: the placement library only sees placed resources.
/// </summary>
public static class CloudUrl
{
    /// <summary>Not on any cloud: the state sits on the machine running Pulumi.</summary>
    public const string Local = "local";

    // Host suffixes of the object stores and APIs a backend or key service URL can point at.
    private static readonly (string Suffix, string Provider)[] Hosts =
    [
        ("scw.cloud", "scaleway"),
        ("amazonaws.com", "aws"),
        ("googleapis.com", "gcp"),
        ("windows.net", "azure"),
        ("digitaloceanspaces.com", "digitalocean"),
        ("r2.cloudflarestorage.com", "cloudflare"),
        ("pulumi.com", "pulumi-cloud"),
    ];

    /// <summary>
    /// The provider of <paramref name="url"/>: <c>s3://b?endpoint=s3.fr-par.scw.cloud</c> → scaleway,
    /// <c>s3://b?region=eu-west-3</c> (no endpoint) → aws, <c>https://api.pulumi.com</c> → pulumi-cloud,
    /// <c>gs://</c> and <c>gcpkms://</c> → gcp, <c>azblob://</c> and <c>azurekeyvault://</c> → azure,
    /// <c>awskms://</c> → aws, <c>file://</c> → <see cref="Local"/>. Null when the URL depends on no
    /// provider (<c>passphrase</c>) or names one this table does not know.
    /// </summary>
    public static string? ProviderOf(string url)
    {
        var separator = url.IndexOf("://", StringComparison.Ordinal);
        if (separator < 0)
        {
            return null;
        }

        var scheme = url[..separator].ToLowerInvariant();
        var rest = url[(separator + 3)..];
        return scheme switch
        {
            "s3" => Query(rest, "endpoint") is { } endpoint ? ProviderOfHost(HostOf(endpoint)) : "aws",
            "awskms" => "aws",
            "gs" or "gcpkms" => "gcp",
            "azblob" or "azurekeyvault" => "azure",
            "file" => Local,
            "http" or "https" => ProviderOfHost(HostOf(rest)),
            _ => null,
        };
    }

    /// <summary>The <c>region</c> query parameter (<c>s3://b?region=eu-west-3</c>), if the URL names one.</summary>
    public static string? RegionOf(string url)
    {
        var separator = url.IndexOf("://", StringComparison.Ordinal);
        return separator < 0 ? null : Query(url[(separator + 3)..], "region");
    }

    private static string? ProviderOfHost(string host) =>
        Hosts.FirstOrDefault(h => host == h.Suffix || host.EndsWith("." + h.Suffix, StringComparison.Ordinal)).Provider;

    // "https://s3.fr-par.scw.cloud:443/x" and "s3.fr-par.scw.cloud" both give "s3.fr-par.scw.cloud".
    private static string HostOf(string address)
    {
        var separator = address.IndexOf("://", StringComparison.Ordinal);
        var host = separator >= 0 ? address[(separator + 3)..] : address;
        var end = host.IndexOfAny(['/', ':', '?']);
        return (end >= 0 ? host[..end] : host).ToLowerInvariant();
    }

    private static string? Query(string rest, string name)
    {
        var question = rest.IndexOf('?');
        if (question < 0)
        {
            return null;
        }

        foreach (var pair in rest[(question + 1)..].Split('&'))
        {
            var equals = pair.IndexOf('=');
            if (equals > 0 && pair[..equals] == name)
            {
                return Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }

        return null;
    }
}
