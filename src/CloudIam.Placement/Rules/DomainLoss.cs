using System.Collections.Immutable;
using CloudIam.Placement.Analysis;
using CloudIam.Placement.Domains;

namespace CloudIam.Placement.Rules;

/// <summary>
/// A single-domain loss as rules report it: all domains whose loss has exactly the same effect on
/// the capabilities looked at (a provider, its region, network and DHCP often kill the same
/// instances), so one finding lists them all instead of repeating itself per domain.
/// </summary>
public sealed record DomainLoss
{
    /// <summary>Broadest first.</summary>
    public required ImmutableArray<FailureDomain> Domains { get; init; }

    /// <summary>The loss of any one of <see cref="Domains"/>: they all have the same outcome.</summary>
    public required OutageSet Outage { get; init; }

    /// <summary>
    /// The most specific domain, which tells a person what actually failed (svc:dhcp rather than
    /// scaleway): the narrowest kind, and within it the deepest identifier, since a regional service
    /// (<c>scaleway/fr-par/svc:dhcp</c>) is narrower than a global one (<c>scaleway/svc:iam</c>).
    /// </summary>
    public FailureDomain Narrowest => NarrowestOf(Domains);

    /// <summary>The most specific of some domains (see <see cref="Narrowest"/>).</summary>
    public static FailureDomain NarrowestOf(IEnumerable<FailureDomain> domains) => domains.MaxBy(d => (d.Kind, d.Id.Count(c => c == '/')))!;

    public ImmutableArray<string> Ids => [.. Domains.Select(d => d.Id)];

    /// <summary>", as does losing a, b or c" for the other domains of this effect, or nothing.</summary>
    public string Also
    {
        get
        {
            var narrowest = Narrowest;
            return Domains.Length > 1 ? $", as does losing {Text.JoinOr(Domains.Where(d => d != narrowest).Select(d => d.Id))}" : "";
        }
    }

    /// <summary>The same loss narrowed to some of its domains, for findings that hold for only part of them.</summary>
    public DomainLoss Only(IEnumerable<FailureDomain> domains) => this with { Domains = [.. Domains.Intersect(domains)] };
}
