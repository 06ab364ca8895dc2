namespace CloudIam.Infra.Platform;

/// <summary>A cloud provider's public status source, shown in every status page's "cloud-providers" group.</summary>
public sealed record ProviderStatus
{
    public required string Name { get; init; }

    public required string Url { get; init; }

    /// <summary>Gatus conditions (<c>[STATUS] == 200</c>).</summary>
    public required IReadOnlyList<string> Conditions { get; init; }
}
