using System.Collections.Immutable;
using CloudIam.Placement.Domains;

namespace CloudIam.Placement.Analysis;

/// <summary>Domains that fail together, as indices into the design's <see cref="DomainTable"/>.</summary>
public sealed class OutageSet
{
    private readonly int[] _indices;

    internal OutageSet(int[] sortedIndices, ImmutableArray<FailureDomain> domains, ImmutableArray<string> outsideDesign)
    {
        _indices = sortedIndices;
        Domains = domains;
        OutsideDesign = outsideDesign;
    }

    /// <summary>The failed domains that exist in the design.</summary>
    public ImmutableArray<FailureDomain> Domains { get; }

    /// <summary>Well-formed domains the design does not use: their loss affects nothing here.</summary>
    public ImmutableArray<string> OutsideDesign { get; }

    /// <summary>The failed domains' indices, ascending.</summary>
    internal ReadOnlySpan<int> Indices => _indices;

    internal static OutageSet Of(DomainTable table, params int[] indices)
    {
        Array.Sort(indices);
        return new OutageSet(indices, [.. indices.Select(i => table[i])], []);
    }

    internal bool Hits(int[] sortedDomainSet)
    {
        foreach (var index in _indices)
        {
            if (Array.BinarySearch(sortedDomainSet, index) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
