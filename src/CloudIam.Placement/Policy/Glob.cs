using System.Collections.Concurrent;

namespace CloudIam.Placement.Policy;

/// <summary>
/// Shell-style globs (<c>*</c>, <c>?</c>) as used by <c>match</c> rules; ordinal, whole-string.
/// Match rules run against every untagged resource of exports with hundreds of thousands of
/// resources, so each pattern is split once into its literal pieces and matched with ordinal searches.
/// </summary>
public static class Glob
{
    private static readonly ConcurrentDictionary<string, string[]> Pieces = new(StringComparer.Ordinal);

    public static bool IsMatch(string pattern, string text)
    {
        var pieces = Pieces.GetOrAdd(pattern, p => p.Split('*'));
        var first = pieces[0];
        if (pieces.Length == 1)
        {
            return text.Length == first.Length && MatchesAt(first, text, 0);
        }

        var last = pieces[^1];
        if (text.Length < first.Length + last.Length || !MatchesAt(first, text, 0) || !MatchesAt(last, text, text.Length - last.Length))
        {
            return false;
        }

        // Leftmost placement of each middle piece is always safe: a later match only leaves less room.
        var position = first.Length;
        var end = text.Length - last.Length;
        for (var i = 1; i < pieces.Length - 1; i++)
        {
            position = IndexOf(pieces[i], text, position, end);
            if (position < 0)
            {
                return false;
            }

            position += pieces[i].Length;
        }

        return true;
    }

    private static int IndexOf(string piece, string text, int from, int end)
    {
        if (!piece.Contains('?', StringComparison.Ordinal))
        {
            var found = text.IndexOf(piece, from, end - from, StringComparison.Ordinal);
            return found;
        }

        for (var start = from; start + piece.Length <= end; start++)
        {
            if (MatchesAt(piece, text, start))
            {
                return start;
            }
        }

        return -1;
    }

    private static bool MatchesAt(string piece, string text, int start)
    {
        for (var i = 0; i < piece.Length; i++)
        {
            if (piece[i] != '?' && piece[i] != text[start + i])
            {
                return false;
            }
        }

        return true;
    }
}
