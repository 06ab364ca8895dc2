namespace CloudIam.Placement.Policy;

/// <summary>"Did you mean": the hint every place that rejects a name a person typed gives (policy keys, rule IDs).</summary>
public static class Spelling
{
    /// <summary>The closest candidate within a few edits (a third of the word), or null.</summary>
    public static string? DidYouMean(string word, IEnumerable<string> candidates)
    {
        var budget = Math.Max(1, word.Length / 3);
        return candidates
            .Select(candidate => (Candidate: candidate, Distance: EditDistance(word, candidate)))
            .Where(c => c.Distance <= budget)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Candidate, StringComparer.Ordinal)
            .Select(c => c.Candidate)
            .FirstOrDefault();
    }

    // Optimal string alignment distance, case-insensitive: a swapped pair ("regoin") costs one edit.
    private static int EditDistance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
