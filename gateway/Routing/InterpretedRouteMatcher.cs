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
    private readonly bool _hasHostRoutes;

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
        _hasHostRoutes = plan.ExactHosts.Count > 0 || plan.WildcardHosts.Count > 0;
    }

    /// <inheritdoc/>
    public RouteMatch Match(in RouteRequest request)
    {
        // One slot per trie level: where the segment read at that level lies, so constraints need no second scan.
        Span<CaptureRange> segments = stackalloc CaptureRange[_maxDepth + 1];
        var walk = new Walk(request, MethodBits.Of(request.Method), segments);

        // Host classes in precedence order; each falls through to the next when its trie finds nothing. A table
        // without host routes never reads the Host header.
        if (_hasHostRoutes)
        {
            Span<char> buffer = stackalloc char[HostName.MaxLength];
            var host = HostName.Normalize(request.Host, buffer);
            if (host.Length > 0 && TryMatchHost(host, ref walk))
            {
                return walk.Result;
            }
        }

        return _anyHost is not null && _anyHost.TryMatch(ref walk, PathCursor.Start) ? walk.Result : RouteMatch.None;
    }

    /// <summary>Tries the exact host's trie, then each wildcard that covers <paramref name="host"/>, longest suffix first.</summary>
    private bool TryMatchHost(ReadOnlySpan<char> host, ref Walk walk)
    {
        if (_exactHosts.TryGetValue(host, out var exact) && exact.TryMatch(ref walk, PathCursor.Start))
        {
            return true;
        }

        foreach (var (suffix, root) in _wildcardHosts)
        {
            if (HostName.MatchesWildcard(host, suffix) && root.TryMatch(ref walk, PathCursor.Start))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The request as one trie walk sees it, and the match it finds.</summary>
    private ref struct Walk
    {
        private readonly RouteRequest _request;

        public Walk(in RouteRequest request, MethodSet method, Span<CaptureRange> segments)
        {
            _request = request;
            Segments = segments;
            End = PathCursor.EffectiveEnd(request.Path);
            Method = method;
            Result = RouteMatch.None;
        }

        public readonly ReadOnlySpan<char> Path => _request.Path;

        public int End { get; }

        public MethodSet Method { get; }

        /// <summary>Read only when a candidate has a header condition.</summary>
        public readonly IHeaderDictionary? Headers => _request.Headers;

        /// <summary>Read only when a candidate has a query condition.</summary>
        public readonly ReadOnlySpan<char> Query => _request.Query;

        /// <summary>The segment read at each trie level on the current branch of the walk.</summary>
        public Span<CaptureRange> Segments { get; }

        public RouteMatch Result { get; set; }
    }
}
