using Gateway.Dsl.Model;
using Gateway.Routing;

namespace Gateway.DifferentialTests.Common;

/// <summary>A third, deliberately naive matcher written from the precedence rule in docs/dsl.md, not from the plan.</summary>
/// <remarks>
/// It tests every route on its own, keeps the ones that match, and picks the most specific by comparing host class,
/// then the path segment by segment, then methods, headers, query and priority. It shares with the real matchers only
/// the leaf helpers (segment splitting, constraints, header and query checks), so a mistake in the plan's structure or
/// ordering shows up as a disagreement. When two matching routes still tie it reports the tie, which the checker
/// should have rejected at build time.
/// </remarks>
internal sealed class ReferenceMatcher
{
    private readonly RouteTable _table;

    /// <summary>Prepares to match against <paramref name="table"/>.</summary>
    public ReferenceMatcher(RouteTable table) => _table = table;

    /// <summary>The winning route's index and its capture texts, or (-1, []) when nothing matches.</summary>
    public (int RouteIndex, string[] Captures, string? Tie) Match(TestRequest request)
    {
        Span<char> buffer = stackalloc char[HostName.MaxLength];
        var host = HostName.Normalize(request.Host, buffer).ToString();
        var segments = Split(request.Path);
        var method = MethodBits.Of(request.Method);

        Route? best = null;
        int[]? bestKey = null;
        string? tie = null;
        foreach (var route in _table.Routes)
        {
            var hostRank = HostRank(route, host);
            if (hostRank is null || !PathMatches(route.Path, segments) || (route.Path.Exact && route.Path.Segments.Count > 0 && request.Path.Length > 1 && request.Path.EndsWith('/')) ||
                !MethodBits.Allows(route.Methods, method) ||
                !route.Headers.All(h => h.Value is null ? RequestConditions.HasHeader(request.Headers, h.Name) : RequestConditions.HeaderEquals(request.Headers, h.Name, h.Value)) ||
                !route.Queries.All(q => q.Value is null ? RequestConditions.HasQuery(request.Query, q.Name) : RequestConditions.QueryEquals(request.Query, q.Name, q.Value)))
            {
                continue;
            }

            var key = Key(route, hostRank.Value, segments.Count);
            var order = bestKey is null ? -1 : Compare(key, bestKey);
            if (order < 0)
            {
                (best, bestKey, tie) = (route, key, null);
            }
            else if (order == 0)
            {
                tie = best!.Name + " and " + route.Name;
            }
        }

        return best is null ? (-1, Array.Empty<string>(), null) : (best.Index, Captures(best.Path, request.Path, segments), tie);
    }

    // Host class: 0 for an exact host, 1 + (256 - suffix length) for a wildcard (longer suffix first), 1000 for no host.
    private static int? HostRank(Route route, string host)
    {
        if (route.Hosts.Count == 0)
        {
            return 1000;
        }

        int? rank = null;
        foreach (var pattern in route.Hosts)
        {
            int? r = !pattern.IsWildcard
                ? (host == pattern.Host ? 0 : null)
                : (HostName.MatchesWildcard(host, "." + pattern.Host) ? 1 + (256 - pattern.Host.Length) : null);
            if (r is not null && (rank is null || r < rank))
            {
                rank = r;
            }
        }

        return rank;
    }

    private static List<string> Split(string path)
    {
        var end = PathCursor.EffectiveEnd(path);
        var pos = PathCursor.Start;
        var segments = new List<string>();
        while (PathCursor.TryNext(path, end, ref pos, out var segment))
        {
            segments.Add(segment.ToString());
        }

        return segments;
    }

    private static bool PathMatches(PathTemplate template, List<string> segments)
    {
        for (var i = 0; i < template.Segments.Count; i++)
        {
            var t = template.Segments[i];
            if (t.Kind == SegmentKind.CatchAll)
            {
                return true;
            }

            if (i >= segments.Count)
            {
                return false;
            }

            var ok = t.Kind == SegmentKind.Literal
                ? segments[i] == t.Value
                : segments[i].Length > 0 && SegmentConstraints.Satisfies(t.Constraint, segments[i]);
            if (!ok)
            {
                return false;
            }
        }

        return template.Segments.Count == segments.Count;
    }

    // Lower is more specific. Per segment: literal 0, constrained 1, parameter 2, path ended here 3, catch-all 4.
    private static int[] Key(Route route, int hostRank, int requestSegments)
    {
        var key = new List<int> { hostRank };
        for (var i = 0; i <= requestSegments; i++)
        {
            if (i >= route.Path.Segments.Count)
            {
                key.Add(3);
                break;
            }

            var s = route.Path.Segments[i];
            key.Add(s.Kind switch
            {
                SegmentKind.Literal => 0,
                SegmentKind.Parameter when s.Constraint != ParameterConstraint.None => 1,
                SegmentKind.Parameter => 2,
                _ => 4,
            });
            if (s.Kind == SegmentKind.CatchAll)
            {
                break;
            }
        }

        // Pad so keys of different lengths compare on the same positions.
        while (key.Count < requestSegments + 3)
        {
            key.Add(9);
        }

        // After the path's shape, an exact path before the same path without 'exact'.
        key.Add(route.Path.Exact && route.Path.Segments.Count > 0 ? 0 : 1);

        key.Add(route.Methods == MethodSet.None ? 1 : 0);
        key.Add(-route.Headers.Count);
        key.Add(-route.Queries.Count);
        key.Add(-route.Priority);
        return key.ToArray();
    }

    private static int Compare(int[] x, int[] y)
    {
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            if (x[i] != y[i])
            {
                return x[i].CompareTo(y[i]);
            }
        }

        return 0;
    }

    private static string[] Captures(PathTemplate template, string path, List<string> segments)
    {
        var captures = new List<string>();
        for (var i = 0; i < template.Segments.Count; i++)
        {
            var t = template.Segments[i];
            if (t.Kind == SegmentKind.Parameter)
            {
                captures.Add(segments[i]);
            }
            else if (t.Kind == SegmentKind.CatchAll)
            {
                // The raw rest of the path after the prefix's segments and their slashes.
                var pos = 1;
                for (var k = 0; k < i; k++)
                {
                    pos += segments[k].Length + 1;
                }

                captures.Add(pos >= path.Length ? string.Empty : path[pos..]);
            }
        }

        return captures.ToArray();
    }
}
