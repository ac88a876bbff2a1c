using System.Collections.Frozen;
using Gateway.Dsl.Model;
using Gateway.Dsl.Planning;

namespace Gateway.Routing;

/// <summary>The run-time form of plan nodes and candidates.</summary>
public sealed partial class InterpretedRouteMatcher
{
    /// <summary>A trie node: the plan's <see cref="PathNode"/> with arrays and a span-keyed literal lookup.</summary>
    private sealed class Node
    {
        private readonly FrozenDictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> _literals;
        private readonly bool _hasLiterals;
        private readonly Node? _constrained;
        private readonly Node? _parameter;
        private readonly Entry[] _terminal;
        private readonly Entry[] _catchAll;
        private readonly int _depth;

        public Node(PathNode node)
        {
            _depth = node.Depth;
            _hasLiterals = node.Literals.Count > 0;
            _literals = node.Literals
                .ToFrozenDictionary(e => e.Text, e => new Node(e.Node), StringComparer.Ordinal)
                .GetAlternateLookup<ReadOnlySpan<char>>();
            _constrained = node.Constrained is null ? null : new Node(node.Constrained);
            _parameter = node.Parameter is null ? null : new Node(node.Parameter);
            _terminal = node.Terminal.Select(c => new Entry(c)).ToArray();
            _catchAll = node.CatchAll.Select(c => new Entry(c)).ToArray();
        }

        /// <summary>Matches the rest of the path from <paramref name="pos"/>; the order of tries is the precedence order.</summary>
        public bool TryMatch(ref Walk walk, int pos)
        {
            if (PathCursor.AtEnd(pos, walk.End))
            {
                // The path ends here: exact routes first, then catch-alls matching zero segments.
                return TryEntries(_terminal, ref walk, pos) || TryEntries(_catchAll, ref walk, pos);
            }

            var next = pos;
            PathCursor.TryNext(walk.Path, walk.End, ref next, out var segment);
            walk.Segments[_depth] = new CaptureRange(pos, segment.Length);
            if (_hasLiterals && _literals.TryGetValue(segment, out var literal) && literal.TryMatch(ref walk, next))
            {
                return true;
            }

            // Parameters never take an empty segment (as in /a//b); only a catch-all does.
            if (segment.Length > 0)
            {
                if (_constrained is not null && _constrained.TryMatch(ref walk, next))
                {
                    return true;
                }

                if (_parameter is not null && _parameter.TryMatch(ref walk, next))
                {
                    return true;
                }
            }

            return TryEntries(_catchAll, ref walk, pos);
        }

        /// <summary>Tries <paramref name="entries"/> in order; the first that accepts becomes the result, its captures
        /// taken from the segments the walk recorded, and a catch-all's from <paramref name="pos"/> on.</summary>
        private static bool TryEntries(Entry[] entries, ref Walk walk, int pos)
        {
            foreach (var entry in entries)
            {
                if (entry.Accepts(ref walk))
                {
                    var result = RouteMatch.Create(entry.RouteIndex);
                    foreach (var segment in entry.CaptureSegments)
                    {
                        result.Capture(walk.Segments[segment]);
                    }

                    if (entry.EndsWithCatchAll)
                    {
                        result.CaptureRest(walk.Path, pos);
                    }

                    walk.Result = result;
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>A candidate route with its remaining checks as arrays.</summary>
    private sealed class Entry
    {
        private readonly ConstraintCheck[] _constraints;
        private readonly MethodSet _methods;
        private readonly bool _exact;
        private readonly (string Name, string? Value)[] _headers;
        private readonly (string Name, string? Value)[] _queries;

        public Entry(Candidate candidate)
        {
            RouteIndex = candidate.RouteIndex;
            CaptureSegments = candidate.CaptureSegments.ToArray();
            EndsWithCatchAll = candidate.EndsWithCatchAll;
            _constraints = candidate.Constraints.ToArray();
            _methods = candidate.Methods;
            _exact = candidate.Exact;
            _headers = candidate.Headers.Select(h => (h.Name, h.Value)).ToArray();
            _queries = candidate.Queries.Select(q => (q.Name, q.Value)).ToArray();
        }

        public int RouteIndex { get; }

        public int[] CaptureSegments { get; }

        public bool EndsWithCatchAll { get; }

        /// <summary>Constraints, then exactness, then method, then headers, then query: the same order as the emitted code.</summary>
        public bool Accepts(ref Walk walk)
        {
            foreach (var check in _constraints)
            {
                var range = walk.Segments[check.SegmentIndex];
                if (!SegmentConstraints.Satisfies(check.Constraint, walk.Path.Slice(range.Start, range.Length)))
                {
                    return false;
                }
            }

            if (_exact && PathCursor.HasTrailingSlash(walk.Path))
            {
                return false;
            }

            if (!MethodBits.Allows(_methods, walk.Method))
            {
                return false;
            }

            foreach (var (name, value) in _headers)
            {
                if (value is null ? !RequestConditions.HasHeader(walk.Headers, name) : !RequestConditions.HeaderEquals(walk.Headers, name, value))
                {
                    return false;
                }
            }

            foreach (var (name, value) in _queries)
            {
                if (value is null ? !RequestConditions.HasQuery(walk.Query, name) : !RequestConditions.QueryEquals(walk.Query, name, value))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
