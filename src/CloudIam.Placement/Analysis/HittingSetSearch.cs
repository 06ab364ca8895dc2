using System.Collections.Immutable;
using System.Numerics;

namespace CloudIam.Placement.Analysis;

/// <summary>
/// Finds the smallest set of domains whose loss kills at least a given number of instances.
/// Works on instance groups (instances sharing one domain set), not on instances, and prunes the
/// candidates before searching: domains that kill exactly the same groups collapse into the broadest
/// one, and a domain whose kills are a strict subset of another's can never be needed in a smallest set.
/// </summary>
internal sealed class HittingSetSearch
{
    private readonly int[] _groupWeights;
    private readonly Candidate[] _candidates;

    public HittingSetSearch(IReadOnlyList<CapabilityAnalysis.InstanceGroup> groups, ImmutableArray<int> candidateDomains)
    {
        _groupWeights = [.. groups.Select(g => g.Count)];
        var words = (groups.Count + 63) / 64;
        var distinct = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        foreach (var domain in candidateDomains)
        {
            var kills = new ulong[words];
            for (var g = 0; g < groups.Count; g++)
            {
                if (Array.BinarySearch(groups[g].Domains, domain) >= 0)
                {
                    kills[g / 64] |= 1UL << (g % 64);
                }
            }

            // Candidates arrive broadest first, so the first domain of each kill pattern is kept.
            distinct.TryAdd(string.Join(',', kills), new Candidate(domain, kills, Weight(kills)));
        }

        _candidates = [.. distinct.Values
            .Where(c => !distinct.Values.Any(other => StrictSubset(c.Kills, other.Kills)))
            .OrderByDescending(c => c.Weight)
            .ThenBy(c => c.Domain)];
    }

    /// <summary>Domain indices of a smallest killing set of at most <paramref name="maxSize"/> domains, or null.</summary>
    public int[]? Find(int need, int maxSize)
    {
        for (var size = 1; size <= maxSize; size++)
        {
            var chosen = new int[size];
            if (Search(chosen, 0, 0, new ulong[_candidates.FirstOrDefault()?.Kills.Length ?? 0], need))
            {
                return [.. chosen.Select(i => _candidates[i].Domain)];
            }
        }

        return null;
    }

    private bool Search(int[] chosen, int depth, int start, ulong[] killed, int need)
    {
        if (depth == chosen.Length)
        {
            return Weight(killed) >= need;
        }

        var current = Weight(killed);
        var remaining = chosen.Length - depth;
        for (var i = start; i <= _candidates.Length - remaining; i++)
        {
            // Sorted by weight, so no later candidate can close a gap this one cannot.
            if (current + (_candidates[i].Weight * remaining) < need)
            {
                return false;
            }

            chosen[depth] = i;
            var union = new ulong[killed.Length];
            for (var w = 0; w < union.Length; w++)
            {
                union[w] = killed[w] | _candidates[i].Kills[w];
            }

            if (Search(chosen, depth + 1, i + 1, union, need))
            {
                return true;
            }
        }

        return false;
    }

    private int Weight(ulong[] groups)
    {
        var weight = 0;
        for (var w = 0; w < groups.Length; w++)
        {
            var bits = groups[w];
            while (bits != 0)
            {
                weight += _groupWeights[(w * 64) + BitOperations.TrailingZeroCount(bits)];
                bits &= bits - 1;
            }
        }

        return weight;
    }

    private static bool StrictSubset(ulong[] subset, ulong[] superset)
    {
        var equal = true;
        for (var w = 0; w < subset.Length; w++)
        {
            if ((subset[w] & ~superset[w]) != 0)
            {
                return false;
            }

            equal &= subset[w] == superset[w];
        }

        return !equal;
    }

    private sealed record Candidate(int Domain, ulong[] Kills, int Weight);
}
