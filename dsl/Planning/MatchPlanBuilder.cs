using System;
using System.Collections.Generic;
using System.Linq;
using Gateway.Dsl.Collections;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;

namespace Gateway.Dsl.Planning;

/// <summary>Turns a checked <see cref="RouteTable"/> into the <see cref="MatchPlan"/> both backends execute.</summary>
/// <remarks>
/// Routes are grouped by host class (each exact host, each wildcard suffix, no host), then inserted into a segment trie
/// keyed by segment kind: literal text, "some constrained parameter", "some parameter", catch-all. Because children are
/// kept in precedence order, the first candidate a depth-first walk accepts is the most specific route that matches.
/// Routes left equal at one node are compared by <see cref="Precedence"/>; equal ones that one request can satisfy
/// are reported as GW0301 (see <c>MatchPlanBuilder.Conflicts.cs</c>).
/// </remarks>
public static partial class MatchPlanBuilder
{
    /// <summary>Builds the plan for <paramref name="table"/>, reporting ties into <paramref name="diagnostics"/>.</summary>
    public static MatchPlan Build(RouteTable table, DiagnosticBag diagnostics)
    {
        var exact = new SortedDictionary<string, TrieNode>(StringComparer.Ordinal);
        var wildcard = new SortedDictionary<string, TrieNode>(StringComparer.Ordinal);
        TrieNode? anyHost = null;

        foreach (var route in table.Routes)
        {
            var candidate = CreateCandidate(route);
            if (route.Hosts.Count == 0)
            {
                Insert(anyHost ??= new TrieNode(), route.Path, candidate);
                continue;
            }

            foreach (var host in route.Hosts)
            {
                var tries = host.IsWildcard ? wildcard : exact;
                var key = host.IsWildcard ? "." + host.Host : host.Host;
                if (!tries.TryGetValue(key, out var root))
                {
                    tries[key] = root = new TrieNode();
                }

                Insert(root, route.Path, candidate);
            }
        }

        // Freeze in the order the walk visits: exact hosts, wildcards by longest suffix, then no host. Node ids follow
        // the same order, so emitted method names are stable for a given file.
        var ids = new NodeIdCounter();
        var exactBranches = exact.Select(pair => Branch(pair.Key, isWildcard: false, pair.Value, ids)).ToEquatableArray();
        var wildcardBranches = wildcard
            .OrderByDescending(pair => pair.Key.Length)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => Branch(pair.Key, isWildcard: true, pair.Value, ids))
            .ToEquatableArray();
        var anyHostRoot = anyHost is null ? null : Freeze(anyHost, depth: 0, pattern: string.Empty, ids);

        ReportTies(table, exactBranches, wildcardBranches, anyHostRoot, diagnostics);

        return new MatchPlan
        {
            ExactHosts = exactBranches,
            WildcardHosts = wildcardBranches,
            AnyHost = anyHostRoot,
            MaxDepth = ids.MaxDepth,
        };
    }

    private static Candidate CreateCandidate(Route route)
    {
        var constraints = new List<ConstraintCheck>();
        var captures = new List<int>();
        var endsWithCatchAll = false;
        for (var i = 0; i < route.Path.Segments.Count; i++)
        {
            var segment = route.Path.Segments[i];
            if (segment.Kind == SegmentKind.Literal)
            {
                continue;
            }

            // A catch-all is always last and captures the rest of the path from where its node starts, so only the
            // parameters' segments are listed.
            if (segment.Kind == SegmentKind.CatchAll)
            {
                endsWithCatchAll = true;
                continue;
            }

            captures.Add(i);
            if (segment.Constraint != ParameterConstraint.None)
            {
                constraints.Add(new ConstraintCheck(i, segment.Constraint));
            }
        }

        return new Candidate
        {
            RouteIndex = route.Index,
            RouteName = route.Name,
            Line = route.Line,
            Constraints = constraints.ToEquatableArray(),
            Exact = route.Path.Exact && route.Path.Segments.Count > 0,
            Methods = route.Methods,
            Headers = route.Headers,
            Queries = route.Queries,
            Priority = route.Priority,
            CaptureSegments = captures.ToEquatableArray(),
            EndsWithCatchAll = endsWithCatchAll,
        };
    }

    private static void Insert(TrieNode root, PathTemplate path, Candidate candidate)
    {
        var node = root;
        foreach (var segment in path.Segments)
        {
            switch (segment.Kind)
            {
                case SegmentKind.Literal:
                    if (!node.Literals.TryGetValue(segment.Value, out var child))
                    {
                        node.Literals[segment.Value] = child = new TrieNode();
                    }

                    node = child;
                    break;
                case SegmentKind.Parameter when segment.Constraint != ParameterConstraint.None:
                    node = node.Constrained ??= new TrieNode();
                    break;
                case SegmentKind.Parameter:
                    node = node.Parameter ??= new TrieNode();
                    break;
                default:
                    // A catch-all is always last: the route waits here for "zero or more further segments".
                    node.CatchAll.Add(candidate);
                    return;
            }
        }

        node.Terminal.Add(candidate);
    }

    private static HostBranch Branch(string host, bool isWildcard, TrieNode root, NodeIdCounter ids) => new()
    {
        Host = host,
        IsWildcard = isWildcard,
        Root = Freeze(root, depth: 0, pattern: string.Empty, ids),
    };

    private static PathNode Freeze(TrieNode node, int depth, string pattern, NodeIdCounter ids)
    {
        var id = ids.Next(depth);

        // Children are frozen in walk order (literals, constrained, parameter) so ids are pre-order.
        var literals = node.Literals
            .Select(pair => new LiteralEdge { Text = pair.Key, Node = Freeze(pair.Value, depth + 1, pattern + "/" + pair.Key, ids) })
            .ToEquatableArray();
        var constrained = node.Constrained is null ? null : Freeze(node.Constrained, depth + 1, pattern + "/{:constrained}", ids);
        var parameter = node.Parameter is null ? null : Freeze(node.Parameter, depth + 1, pattern + "/{}", ids);
        return new PathNode
        {
            Id = id,
            Depth = depth,
            Pattern = pattern.Length == 0 ? "/" : pattern,
            Literals = literals,
            Constrained = constrained,
            Parameter = parameter,
            Terminal = node.Terminal.OrderBy(c => c, Precedence.Instance).ToEquatableArray(),
            CatchAll = node.CatchAll.OrderBy(c => c, Precedence.Instance).ToEquatableArray(),
        };
    }

    /// <summary>A trie node under construction; frozen into a <see cref="PathNode"/> once every route is in.</summary>
    private sealed class TrieNode
    {
        public SortedDictionary<string, TrieNode> Literals { get; } = new(StringComparer.Ordinal);

        public TrieNode? Constrained { get; set; }

        public TrieNode? Parameter { get; set; }

        public List<Candidate> Terminal { get; } = new();

        public List<Candidate> CatchAll { get; } = new();
    }

    /// <summary>Hands out node ids in visit order and tracks the deepest node.</summary>
    private sealed class NodeIdCounter
    {
        private int _next;

        public int MaxDepth { get; private set; }

        public int Next(int depth)
        {
            MaxDepth = Math.Max(MaxDepth, depth);
            return _next++;
        }
    }
}
