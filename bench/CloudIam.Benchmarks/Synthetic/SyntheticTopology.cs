namespace CloudIam.Benchmarks.Synthetic;

/// <summary>One provider region of the synthetic estate, with how many private networks (each with one cluster) it holds.</summary>
internal sealed record Site(string Provider, string Region, int Networks, IReadOnlyList<string> Zones)
{
    /// <summary>The region failure domain identifier, <c>scaleway/fr-par</c>.</summary>
    public string Key => $"{Provider}/{Region}";

    /// <summary>Resource-name form of <see cref="Key"/>.</summary>
    public string Slug => $"{Provider}-{Region}";
}

internal static class SyntheticTopology
{
    public const string Scaleway = "scaleway";
    public const string Aws = "aws";

    /// <summary>A package no placement catalog knows, so readers must fall back to the type token and region inputs.</summary>
    public const string Ovh = "ovh";

    /// <summary>The first region of each provider gets two networks, so network-level outages differ from region-level ones.</summary>
    public static IReadOnlyList<Site> Sites { get; } =
    [
        new(Scaleway, "fr-par", 2, ["fr-par-1", "fr-par-2"]),
        new(Scaleway, "nl-ams", 1, ["nl-ams-1"]),
        new(Scaleway, "pl-waw", 1, ["pl-waw-1"]),
        new(Aws, "eu-west-3", 2, ["eu-west-3a", "eu-west-3b"]),
        new(Aws, "eu-central-1", 1, ["eu-central-1a", "eu-central-1b"]),
        new(Aws, "us-east-1", 1, ["us-east-1a", "us-east-1b"]),
        new(Ovh, "gra", 1, []),
        new(Ovh, "sbg", 1, []),
    ];

    /// <summary>Seven regions of two providers, as a fleet of many small sites spreads over them.</summary>
    public static IReadOnlyList<Site> FleetSites { get; } =
    [
        new(Scaleway, "fr-par", 1, ["fr-par-1"]),
        new(Scaleway, "nl-ams", 1, ["nl-ams-1"]),
        new(Scaleway, "pl-waw", 1, ["pl-waw-1"]),
        new(Aws, "eu-west-3", 1, ["eu-west-3a", "eu-west-3b"]),
        new(Aws, "eu-central-1", 1, ["eu-central-1a", "eu-central-1b"]),
        new(Aws, "eu-north-1", 1, ["eu-north-1a", "eu-north-1b"]),
        new(Aws, "us-east-1", 1, ["us-east-1a", "us-east-1b"]),
    ];

    public static IReadOnlyList<Site> SitesOf(ExportShape shape) => shape switch
    {
        ExportShape.Estate => Sites,
        ExportShape.ManySmallSites => FleetSites,

        // Two regions of each provider, one cluster each.
        _ => [.. FleetSites.Where(site => site.Region is "fr-par" or "nl-ams" or "eu-west-3" or "eu-central-1")],
    };
}
