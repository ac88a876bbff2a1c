using System;
using System.Collections.Generic;
using System.Linq;

namespace Gateway.Dsl.Semantics;

/// <summary>Finds the known name closest to a misspelled one, for "did you mean" hints.</summary>
/// <remarks>
/// A candidate that differs only in case wins outright (<c>get</c> → <c>GET</c>). Otherwise the closest candidate by
/// edit distance (insertions, deletions, substitutions and swaps of neighbours, ignoring case) is suggested when the
/// distance is below 3 and below the length of the longer name, so that <c>x</c> does not suggest <c>to</c>.
/// Ties go to the earlier candidate, which keeps the output deterministic.
/// </remarks>
public static class NameSuggester
{
    /// <summary>The largest edit distance that still yields a suggestion.</summary>
    public const int MaxDistance = 2;

    /// <summary>The candidate closest to <paramref name="name"/>, or null when none is close enough.</summary>
    public static string? Suggest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (candidate == name)
            {
                continue;
            }

            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }

            var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance <= MaxDistance && distance < Math.Max(name.Length, candidate.Length) && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>The text to append to a message about a closed set of names: <c>; did you mean 'int'?</c> for a near
    /// name, else the whole set in order, <c>; use int, long, guid or alpha</c>, so the message follows the table.</summary>
    public static string DidYouMeanOrList(string name, IReadOnlyList<string> candidates)
    {
        var suggestion = Suggest(name, candidates);
        if (suggestion is not null)
        {
            return "; did you mean '" + suggestion + "'?";
        }

        return candidates.Count == 1
            ? "; use " + candidates[0]
            : "; use " + string.Join(", ", candidates.Take(candidates.Count - 1)) + " or " + candidates[candidates.Count - 1];
    }

    /// <summary>The optimal-string-alignment distance between <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static int Distance(string a, string b)
    {
        // Three rows suffice: a swap of neighbours looks two rows back.
        var before = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, before[j - 2] + 1);
                }

                current[j] = value;
            }

            var recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length];
    }
}
