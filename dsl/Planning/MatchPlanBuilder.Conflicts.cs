using System.Collections.Generic;
using System.Linq;
using System.Text;
using Gateway.Dsl.Collections;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;

namespace Gateway.Dsl.Planning;

/// <summary>Finds routes that tie: equally specific, equal priority, and satisfiable by one request (GW0301).</summary>
public static partial class MatchPlanBuilder
{
    private static void ReportTies(
        RouteTable table,
        EquatableArray<HostBranch> exact,
        EquatableArray<HostBranch> wildcard,
        PathNode? anyHost,
        DiagnosticBag diagnostics)
    {
        // A pair of routes can tie under several hosts they share; one report per pair is enough.
        var reported = new HashSet<long>();
        foreach (var branch in exact.Concat(wildcard))
        {
            Visit(branch.Root, branch, table, reported, diagnostics);
        }

        if (anyHost is not null)
        {
            Visit(anyHost, null, table, reported, diagnostics);
        }
    }

    private static void Visit(PathNode node, HostBranch? host, RouteTable table, HashSet<long> reported, DiagnosticBag diagnostics)
    {
        CheckList(node.Terminal, host, table, reported, diagnostics);
        CheckList(node.CatchAll, host, table, reported, diagnostics);
        foreach (var child in node.Children())
        {
            Visit(child, host, table, reported, diagnostics);
        }
    }

    private static void CheckList(EquatableArray<Candidate> candidates, HostBranch? host, RouteTable table, HashSet<long> reported, DiagnosticBag diagnostics)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            for (var j = i + 1; j < candidates.Count; j++)
            {
                var a = candidates[i];
                var b = candidates[j];

                // The list is sorted by specificity, so once b is less specific than a, so is everything after it.
                if (Precedence.CompareSpecificity(a, b) != 0)
                {
                    break;
                }

                if (!Overlap(a, b))
                {
                    continue;
                }

                var first = a.RouteIndex < b.RouteIndex ? a : b;
                var second = a.RouteIndex < b.RouteIndex ? b : a;
                if (!reported.Add(((long)first.RouteIndex << 32) | (uint)second.RouteIndex))
                {
                    continue;
                }

                var example = ExampleRequest(table.Routes[first.RouteIndex], first, second, host);
                diagnostics.Error(
                    DiagnosticCode.AmbiguousRoutes,
                    table.Routes[second.RouteIndex].NameSpan,
                    "routes '" + first.RouteName + "' (line " + first.Line + ") and '" + second.RouteName + "' (line " + second.Line +
                    ") both match " + example + "; make one more specific or give one 'priority N'");
            }
        }
    }

    /// <summary>Whether one request can satisfy both candidates' remaining checks (the path shape already agrees).</summary>
    private static bool Overlap(Candidate a, Candidate b)
    {
        if (a.Methods != MethodSet.None && b.Methods != MethodSet.None && (a.Methods & b.Methods) == 0)
        {
            return false;
        }

        // Both stand at the same node, so they constrain the same segment indices; each pair must admit a common value.
        foreach (var check in a.Constraints)
        {
            var other = b.Constraints.FirstOrDefault(c => c.SegmentIndex == check.SegmentIndex);
            if (!ConstraintsOverlap(check.Constraint, other.Constraint))
            {
                return false;
            }
        }

        return Compatible(a.Headers.Select(h => (h.Name, h.Value)), b.Headers.Select(h => (h.Name, h.Value)))
            && Compatible(a.Queries.Select(q => (q.Name, q.Value)), b.Queries.Select(q => (q.Name, q.Value)));
    }

    private static bool ConstraintsOverlap(ParameterConstraint x, ParameterConstraint y) =>
        x == y || x == ParameterConstraint.None || y == ParameterConstraint.None ||
        (x is ParameterConstraint.Int or ParameterConstraint.Long && y is ParameterConstraint.Int or ParameterConstraint.Long);

    // Two condition sets conflict only where both name the same key with different required values.
    private static bool Compatible(IEnumerable<(string Name, string? Value)> x, IEnumerable<(string Name, string? Value)> y)
    {
        var yList = y.ToList();
        foreach (var (name, value) in x)
        {
            foreach (var (otherName, otherValue) in yList)
            {
                if (name == otherName && value is not null && otherValue is not null && value != otherValue)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Writes a request both candidates match, e.g. <c>'GET api.example.com/users/1?v=2' with header 'version: two'</c>.</summary>
    private static string ExampleRequest(Route route, Candidate a, Candidate b, HostBranch? host)
    {
        var text = new StringBuilder("'");
        var common = a.Methods == MethodSet.None ? b.Methods : b.Methods == MethodSet.None ? a.Methods : a.Methods & b.Methods;
        text.Append(common == MethodSet.None ? "GET" : LowestMethod(common)).Append(' ');
        if (host is not null)
        {
            text.Append(host.IsWildcard ? "a" + host.Host : host.Host);
        }

        var wrote = false;
        foreach (var segment in route.Path.Segments)
        {
            if (segment.Kind == SegmentKind.CatchAll)
            {
                break;
            }

            text.Append('/').Append(segment.Kind == SegmentKind.Literal ? segment.Value : ExampleValue(segment.Constraint));
            wrote = true;
        }

        if (!wrote)
        {
            text.Append('/');
        }

        var queries = Merge(a.Queries.Select(q => (q.Name, q.Value)), b.Queries.Select(q => (q.Name, q.Value)));
        for (var i = 0; i < queries.Count; i++)
        {
            text.Append(i == 0 ? '?' : '&').Append(queries[i].Name);
            if (queries[i].Value is not null)
            {
                text.Append('=').Append(queries[i].Value);
            }
        }

        text.Append('\'');
        var headers = Merge(a.Headers.Select(h => (h.Name, h.Value)), b.Headers.Select(h => (h.Name, h.Value)));
        for (var i = 0; i < headers.Count; i++)
        {
            text.Append(i == 0 ? " with header '" : " and header '").Append(headers[i].Name).Append(": ").Append(headers[i].Value ?? "any").Append('\'');
        }

        return text.ToString();
    }

    // The conditions of both routes, each name once, preferring a required value over mere presence.
    private static List<(string Name, string? Value)> Merge(IEnumerable<(string Name, string? Value)> x, IEnumerable<(string Name, string? Value)> y)
    {
        var merged = new List<(string Name, string? Value)>();
        foreach (var (name, value) in x.Concat(y))
        {
            var index = merged.FindIndex(m => m.Name == name);
            if (index < 0)
            {
                merged.Add((name, value));
            }
            else if (merged[index].Value is null)
            {
                merged[index] = (name, value);
            }
        }

        return merged;
    }

    private static string ExampleValue(ParameterConstraint constraint) => constraint switch
    {
        ParameterConstraint.Int or ParameterConstraint.Long => "1",
        ParameterConstraint.Guid => "00000000-0000-0000-0000-000000000001",
        ParameterConstraint.Alpha => "a",
        _ => "x",
    };

    private static string LowestMethod(MethodSet methods) =>
        MethodSetBits.Each(methods).Select(MethodSetBits.Name).FirstOrDefault() ?? "GET";
}
