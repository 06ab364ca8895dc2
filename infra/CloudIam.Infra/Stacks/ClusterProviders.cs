using System.Collections.Immutable;

namespace CloudIam.Infra.Stacks;

/// <summary>
/// The providers a cluster of the stack config may name, with the fewest zones each accepts (EKS needs subnets in
/// two). Passed in by the composition root, so that reading config knows nothing of how sites are declared.
/// </summary>
public sealed record ClusterProviders(ImmutableSortedDictionary<string, int> MinZonesByProvider)
{
    public IEnumerable<string> Names => MinZonesByProvider.Keys;

    public int? MinZones(string provider) => MinZonesByProvider.TryGetValue(provider, out var zones) ? zones : null;
}
