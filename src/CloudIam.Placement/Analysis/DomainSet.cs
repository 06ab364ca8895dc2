using System.Collections.Immutable;
using CloudIam.Placement.Domains;

namespace CloudIam.Placement.Analysis;

/// <summary>
/// A sorted set of domain indices into <see cref="DomainTable"/>. Equal sets are interned to one array,
/// so thousands of instances on the same cluster share one set and group by reference.
/// </summary>
internal sealed class DomainSetInterner
{
    private readonly Dictionary<int[], int[]> _sets = new(SequenceComparer.Instance);

    public int[] Intern(int[] sorted) =>
        _sets.TryGetValue(sorted, out var existing) ? existing : _sets[sorted] = sorted;

    public int[] Union(int[] left, int[] right)
    {
        if (left.Length == 0 || ReferenceEquals(left, right))
        {
            return right;
        }

        if (right.Length == 0)
        {
            return left;
        }

        var merged = new int[left.Length + right.Length];
        int l = 0, r = 0, m = 0;
        while (l < left.Length || r < right.Length)
        {
            var next = r >= right.Length || (l < left.Length && left[l] <= right[r]) ? left[l] : right[r];
            if (l < left.Length && left[l] == next)
            {
                l++;
            }

            if (r < right.Length && right[r] == next)
            {
                r++;
            }

            merged[m++] = next;
        }

        return Intern(merged.AsSpan(0, m).ToArray());
    }

    internal sealed class SequenceComparer : IEqualityComparer<int[]>
    {
        public static SequenceComparer Instance { get; } = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(obj.AsSpan()));
            return hash.ToHashCode();
        }
    }
}

/// <summary>Every failure domain of a design, indexed in report order (broadest kind first, then by id).</summary>
public sealed class DomainTable
{
    private readonly Dictionary<string, int> _indexById;

    internal DomainTable(IEnumerable<FailureDomain> domains)
    {
        All = [.. domains.Distinct().Order()];
        _indexById = new Dictionary<string, int>(All.Length, StringComparer.Ordinal);
        for (var i = 0; i < All.Length; i++)
        {
            _indexById[All[i].Id] = i;
        }
    }

    public ImmutableArray<FailureDomain> All { get; }

    public FailureDomain this[int index] => All[index];

    public bool TryIndexOf(string id, out int index) => _indexById.TryGetValue(id, out index);

    internal int IndexOf(FailureDomain domain) => _indexById[domain.Id];

    // Domain sets are interned, so thousands of instances share a few sets: resolve each set once.
    private readonly Dictionary<int[], ImmutableArray<FailureDomain>> _resolved = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<int[], ImmutableArray<string>> _ids = new(ReferenceEqualityComparer.Instance);

    internal ImmutableArray<FailureDomain> Resolve(int[] set)
    {
        if (!_resolved.TryGetValue(set, out var domains))
        {
            _resolved[set] = domains = [.. set.Select(i => All[i])];
        }

        return domains;
    }

    internal ImmutableArray<string> Ids(int[] set)
    {
        if (!_ids.TryGetValue(set, out var ids))
        {
            _ids[set] = ids = [.. set.Select(i => All[i].Id)];
        }

        return ids;
    }
}
