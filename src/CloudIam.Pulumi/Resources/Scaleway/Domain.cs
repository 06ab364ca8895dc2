using CloudIam.Pulumi.Yaml;

namespace CloudIam.Pulumi.Resources.Scaleway;

/// <summary>A record of a Scaleway DNS zone; no <c>tags</c> in the schema, so no capability tag.</summary>
public sealed record DomainRecord : IResourceArgs
{
    public static string Token => "scaleway:domain/record:Record";

    public required Input<string> DnsZone { get; init; }

    /// <summary>Relative to the zone; empty for the apex.</summary>
    public Input<string>? Name { get; init; }

    public required Input<string> Type { get; init; }

    public required Input<string> Data { get; init; }

    public Input<int>? Ttl { get; init; }

    public RecordHttpService? HttpService { get; init; }
}

/// <summary>
/// A dynamic record: Scaleway DNS probes <see cref="Url"/> on each of <see cref="Ips"/> and answers only with
/// addresses whose response contains <see cref="MustContain"/>.
/// </summary>
public sealed record RecordHttpService : IArgsObject
{
    public required ExprList Ips { get; init; }

    public required Input<string> MustContain { get; init; }

    public required Input<string> Url { get; init; }

    public Input<string>? UserAgent { get; init; }

    /// <summary><c>hashed</c> (per client), <c>random</c> or <c>all</c>.</summary>
    public required Input<string> Strategy { get; init; }
}
