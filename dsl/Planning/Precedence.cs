using System.Collections.Generic;
using Gateway.Dsl.Model;

namespace Gateway.Dsl.Planning;

/// <summary>The one ordering of routes that wait at the same trie node: the tail of the precedence rule in docs/dsl.md.</summary>
/// <remarks>
/// Host class and path shape are settled by the plan's structure (which trie, which node, which list). What is left is:
/// routes that name methods before those that do not, then more header conditions, then more query conditions, then
/// higher <c>priority</c>. Routes still equal on all of these are tied; the builder reports a tie when one request can
/// satisfy both, and orders non-overlapping ties by index only so that the output is deterministic.
/// </remarks>
public sealed class Precedence : IComparer<Candidate>
{
    /// <summary>The shared instance.</summary>
    public static readonly Precedence Instance = new();

    private Precedence()
    {
    }

    /// <summary>Negative when <paramref name="x"/> is more specific than <paramref name="y"/>.</summary>
    public int Compare(Candidate? x, Candidate? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }

        var bySpecificity = CompareSpecificity(x, y);
        return bySpecificity != 0 ? bySpecificity : x.RouteIndex.CompareTo(y.RouteIndex);
    }

    /// <summary>Compares everything that counts as specificity or priority; 0 means tied.</summary>
    public static int CompareSpecificity(Candidate x, Candidate y)
    {
        var xNamesMethods = x.Methods != MethodSet.None;
        var yNamesMethods = y.Methods != MethodSet.None;
        if (xNamesMethods != yNamesMethods)
        {
            return xNamesMethods ? -1 : 1;
        }

        if (x.Headers.Count != y.Headers.Count)
        {
            return y.Headers.Count.CompareTo(x.Headers.Count);
        }

        if (x.Queries.Count != y.Queries.Count)
        {
            return y.Queries.Count.CompareTo(x.Queries.Count);
        }

        return y.Priority.CompareTo(x.Priority);
    }
}
