namespace CloudIam.Placement.Domains;

/// <summary>The kinds of failure domain a policy can ask to survive, broadest first.</summary>
public enum DomainKind
{
    Provider,
    Region,
    Zone,
    Network,
    Service,
}

public static class DomainKinds
{
    /// <summary>The spelling used in policy files (<c>survive: [provider, region, …]</c>).</summary>
    public static string Keyword(this DomainKind kind) => kind switch
    {
        DomainKind.Provider => "provider",
        DomainKind.Region => "region",
        DomainKind.Zone => "zone",
        DomainKind.Network => "network",
        DomainKind.Service => "service",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string keyword, out DomainKind kind)
    {
        foreach (var candidate in Enum.GetValues<DomainKind>())
        {
            if (string.Equals(candidate.Keyword(), keyword, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
