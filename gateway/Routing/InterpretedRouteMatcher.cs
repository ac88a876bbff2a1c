using System.Collections.Frozen;
using Gateway.Dsl.Model;
using Gateway.Dsl.Planning;
using Microsoft.AspNetCore.Http;

namespace Gateway.Routing;

/// <summary>Matches requests by walking a <see cref="MatchPlan"/> at run time: the twin of the generated router.</summary>
/// <remarks>
/// Used for route tables that arrive after the build (hot reload, APIDefinition resources). It executes the same plan
/// with the same helpers (<see cref="PathCursor"/>, <see cref="SegmentConstraints"/>, <see cref="RequestConditions"/>) as
/// the emitted code, and the differential tests hold the two to the same answers. Built once per table; matching
/// allocates nothing (literal lookups go through span-keyed alternate lookups of frozen dictionaries).
/// </remarks>
public sealed partial class InterpretedRouteMatcher : IRouteMatcher
{
    private readonly FrozenDictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> _exactHosts;
    private readonly (string Suffix, Node Root)[] _wildcardHosts;
    private readonly Node? _anyHost;
    private readonly int _maxDepth;

    /// <summary>Prepares <paramref name="plan"/> for matching.</summary>
    public InterpretedRouteMatcher(MatchPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _exactHosts = plan.ExactHosts
            .ToFrozenDictionary(b => b.Host, b => new Node(b.Root), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _wildcardHosts = plan.WildcardHosts.Select(b => (b.Host, new Node(b.Root))).ToArray();
        _anyHost = plan.AnyHost is null ? null : new Node(plan.AnyHost);
        _maxDepth = plan.MaxDepth;
    }

    /// <inheritdoc/>
    public RouteMatch Match(in RouteRequest request)
    {
        Span<char> buffer = stackalloc char[HostName.MaxLength];
        var host = HostName.Normalize(request.Host, buffer);
        // One slot per trie level: where the segment read at that level lies, so constraints need no second scan.
        Span<CaptureRange> segments = stackalloc CaptureRange[_maxDepth + 1];
        var walk = new Walk(request.Path, MethodBits.Of(request.Method), request.Headers, request.Query, segments);

        // Host classes in precedence order; each falls through to the next when its trie finds nothing.
        if (host.Length > 0)
        {
            if (_exactHosts.TryGetValue(host, out var exact) && exact.TryMatch(ref walk, PathCursor.Start))
            {
                return walk.Result;
            }

            foreach (var (suffix, root) in _wildcardHosts)
            {
                if (HostName.MatchesWildcard(host, suffix) && root.TryMatch(ref walk, PathCursor.Start))
                {
                    return walk.Result;
                }
            }
        }

        return _anyHost is not null && _anyHost.TryMatch(ref walk, PathCursor.Start) ? walk.Result : RouteMatch.None;
    }

    /// <summary>The request as one trie walk sees it, and the match it finds.</summary>
    private ref struct Walk
    {
        public Walk(ReadOnlySpan<char> path, MethodSet method, IHeaderDictionary? headers, ReadOnlySpan<char> query, Span<CaptureRange> segments)
        {
            Segments = segments;
            Path = path;
            End = PathCursor.EffectiveEnd(path);
            Method = method;
            Headers = headers;
            Query = query;
            Result = RouteMatch.None;
        }

        public ReadOnlySpan<char> Path { get; }

        public int End { get; }

        public MethodSet Method { get; }

        public IHeaderDictionary? Headers { get; }

        public ReadOnlySpan<char> Query { get; }

        /// <summary>The segment read at each trie level on the current branch of the walk.</summary>
        public Span<CaptureRange> Segments { get; }

        public RouteMatch Result { get; set; }
    }
}
