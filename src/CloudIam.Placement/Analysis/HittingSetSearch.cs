using System.Collections.Immutable;
using System.Numerics;

namespace CloudIam.Placement.Analysis;

/// <summary>
/// Finds the smallest set of domains whose loss kills at least a given number of instances.
/// Works on instance groups (instances sharing one domain set), not on instances, and prunes the
/// candidates before searching: domains that kill exactly the same groups collapse into the broadest
/// one, and a domain whose kills are a strict subset of another's can never be needed in a smallest set.
/// Pruning reads each domain's kill list, never domains x groups: a strict superset of a domain's kills
/// also kills its first group, so it is one of that group's (few) domains.
/// </summary>
internal sealed class HittingSetSearch
{
    private readonly int[] _groupWeights;
    private readonly Candidate[] _candidates;

    /// <param name="groupsByDomain">For each domain of any group, the groups it kills, ascending (<see cref="CapabilityAnalysis.GroupsByDomain"/>).</param>
    public HittingSetSearch(IReadOnlyList<CapabilityAnalysis.InstanceGroup> groups, ImmutableArray<int> candidateDomains, IReadOnlyDictionary<int, int[]> groupsByDomain)
    {
        _groupWeights = [.. groups.Select(g => g.Count)];

        // Candidates arrive broadest first, so the first domain of each kill pattern is kept.
        var distinct = new Dictionary<int[], int>(DomainSetInterner.SequenceComparer.Instance);
        foreach (var domain in candidateDomains)
        {
            // A domain that kills nothing is never needed in a smallest set.
            if (groupsByDomain.TryGetValue(domain, out var kills))
            {
                distinct.TryAdd(kills, domain);
            }
        }

        var words = (groups.Count + 63) / 64;
        _candidates = [.. distinct
            .Where(pair => !groups[pair.Key[0]].Domains.Any(other =>
                groupsByDomain.TryGetValue(other, out var otherKills) && StrictSubset(pair.Key, otherKills)))
            .Select(pair => new Candidate(pair.Value, Bits(pair.Key, words), pair.Key.Sum(g => _groupWeights[g])))
            .OrderByDescending(c => c.Weight)
            .ThenBy(c => c.Domain)];
    }

    /// <summary>The domains left to search after pruning, in search order.</summary>
    internal IEnumerable<int> CandidateDomains => _candidates.Select(c => c.Domain);

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

    private static ulong[] Bits(int[] groups, int words)
    {
        var bits = new ulong[words];
        foreach (var g in groups)
        {
            bits[g / 64] |= 1UL << (g % 64);
        }

        return bits;
    }

    /// <summary>Both ascending and distinct.</summary>
    private static bool StrictSubset(int[] subset, int[] superset)
    {
        if (subset.Length >= superset.Length)
        {
            return false;
        }

        var s = 0;
        foreach (var g in superset)
        {
            if (s < subset.Length && subset[s] == g)
            {
                s++;
            }
        }

        return s == subset.Length;
    }

    private sealed record Candidate(int Domain, ulong[] Kills, int Weight);
}
