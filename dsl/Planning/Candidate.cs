using Gateway.Dsl.Collections;
using Gateway.Dsl.Model;

namespace Gateway.Dsl.Planning;

/// <summary>A route waiting at a trie node, with the checks that remain once the path has matched by shape.</summary>
public sealed record Candidate
{
    /// <summary>The route's index in the table.</summary>
    public required int RouteIndex { get; init; }

    /// <summary>The route's name (for comments and messages).</summary>
    public required string RouteName { get; init; }

    /// <summary>The route's 1-based line.</summary>
    public required int Line { get; init; }

    /// <summary>Constraints on parameter segments, checked against the request's segment at that index.</summary>
    public required EquatableArray<ConstraintCheck> Constraints { get; init; }

    /// <summary>Whether a request path ending in <c>/</c> is refused (<c>path … exact</c>).</summary>
    public bool Exact { get; init; }

    /// <summary>The accepted methods; <see cref="MethodSet.None"/> accepts any.</summary>
    public required MethodSet Methods { get; init; }

    /// <summary>Header conditions.</summary>
    public required EquatableArray<HeaderMatch> Headers { get; init; }

    /// <summary>Query conditions.</summary>
    public required EquatableArray<QueryMatch> Queries { get; init; }

    /// <summary>The route's <c>priority</c>; breaks ties only.</summary>
    public required int Priority { get; init; }

    /// <summary>For each parameter in path order, the index of the segment it captures (a catch-all is not listed: see
    /// <see cref="EndsWithCatchAll"/>).</summary>
    public required EquatableArray<int> CaptureSegments { get; init; }

    /// <summary>Whether the route ends with a catch-all, whose capture follows the parameters' and takes the rest of the
    /// path from the position where the candidate's node reads its next segment.</summary>
    public required bool EndsWithCatchAll { get; init; }
}
