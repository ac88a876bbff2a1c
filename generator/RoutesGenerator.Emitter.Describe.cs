using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Gateway.Dsl.Model;
using Gateway.Dsl.Planning;

namespace Gateway.Generator;

/// <summary>Short human descriptions of routes and checks, shared by the remarks table and the branch comments.</summary>
public sealed partial class RoutesGenerator
{
    /// <summary>The methods as written in the route file, <c>GET,HEAD</c>, or <c>any method</c>.</summary>
    private static string DescribeMethods(MethodSet methods)
    {
        if (methods == MethodSet.None)
        {
            return "any method";
        }

        // Bit order is the enum's declaration order (GET, HEAD, POST, …), which is stable and familiar.
        return string.Join(",", MethodSetBits.Each(methods).Select(MethodSetBits.Name));
    }

    /// <summary>The hosts as written, <c>api.example.com,*.example.org</c>, or <c>any host</c>.</summary>
    private static string DescribeHosts(Route route) =>
        route.Hosts.Count == 0 ? "any host" : string.Join(",", route.Hosts.Select(host => host.ToString()));

    /// <summary>What the route does: <c>→ users</c>, <c>→ users-v1 90 users-v2 10</c> or <c>respond 404</c>.</summary>
    private static string DescribeAction(Route route) =>
        route.Action.Kind switch
        {
            RouteActionKind.Forward when route.Action.Split.Count > 0 =>
                "→ " + string.Join(" ", route.Action.Split.Select(side => side.Upstream + " " + side.Weight.ToString(CultureInfo.InvariantCulture))),
            RouteActionKind.Forward => "→ " + route.Action.Upstream,
            RouteActionKind.Redirect => "redirect " + route.Action.Status,
            _ => "respond " + route.Action.Status,
        };

    /// <summary>The header and query conditions, <c>header x-version: 2; query debug</c>, or empty.</summary>
    private static string DescribeConditions(IEnumerable<HeaderMatch> headers, IEnumerable<QueryMatch> queries)
    {
        var parts = new List<string>();
        parts.AddRange(headers.Select(header => "header " + header.Name + (header.Value is null ? string.Empty : ": " + header.Value)));
        parts.AddRange(queries.Select(query => "query " + query.Name + (query.Value is null ? string.Empty : "=" + query.Value)));
        return string.Join("; ", parts);
    }

    /// <summary>A constraint as the template writes it, <c>{id:int}</c>, using the route's own parameter name.</summary>
    private static string DescribeConstraint(Route? route, ConstraintCheck check)
    {
        var segments = route?.Path.Segments;
        var name = segments is { } known && check.SegmentIndex < known.Count ? known[check.SegmentIndex].Value : "segment " + check.SegmentIndex;
        return "{" + name + ":" + check.Constraint.ToString().ToLowerInvariant() + "}";
    }

    /// <summary>The branch comment for a candidate: <c>Route user-by-id (line 14): GET,HEAD; {id:int}</c>.</summary>
    private static string DescribeCandidate(Candidate candidate, Route? route)
    {
        var parts = new List<string> { DescribeMethods(candidate.Methods) };
        if (candidate.Exact)
        {
            parts.Add("exact path, no trailing slash");
        }

        parts.AddRange(candidate.Constraints.Select(check => DescribeConstraint(route, check)));
        var conditions = DescribeConditions(candidate.Headers, candidate.Queries);
        if (conditions.Length > 0)
        {
            parts.Add(conditions);
        }

        // Priority only orders otherwise equal routes, so it is worth a mention where it decided the order.
        if (candidate.Priority != 0)
        {
            parts.Add("priority " + candidate.Priority.ToString(CultureInfo.InvariantCulture));
        }

        return "Route " + candidate.RouteName + " (line " + candidate.Line + "): " + string.Join("; ", parts);
    }
}
