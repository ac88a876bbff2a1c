using Gateway.Dsl.Collections;

namespace Gateway.Dsl.Model;

/// <summary>A checked path template: <c>/users/{id:int}</c>, <c>/api/**</c>, <c>/files/{**rest}</c>.</summary>
/// <remarks>
/// Matching is segment-wise and case-sensitive. A single trailing slash in the request is ignored, so <c>/users/</c>
/// matches <c>/users</c>. A catch-all (<c>**</c> or <c>{**name}</c>) is always the last segment and matches zero or more
/// remaining segments: <c>/api/**</c> matches <c>/api</c> and <c>/api/x/y</c>, not <c>/apix</c>.
/// </remarks>
public sealed record PathTemplate
{
    /// <summary>The most captures (parameters plus catch-all) one path may have; the checker rejects more (GW0218),
    /// and the matchers keep captures in a fixed struct of this size.</summary>
    public const int MaxCaptures = 8;

    /// <summary>The template as written.</summary>
    public required string Text { get; init; }

    /// <summary>The segments; a catch-all, if any, is last.</summary>
    public required EquatableArray<PathSegment> Segments { get; init; }

    /// <summary>Whether the path was written <c>path TEMPLATE exact</c>: the request path must not end in a slash that the
    /// template lacks (the Kubernetes Gateway API's <c>Exact</c> match), so <c>/users</c> does not also match <c>/users/</c>.</summary>
    public bool Exact { get; init; }

    /// <summary>Whether the last segment is a catch-all (a prefix match).</summary>
    public bool IsPrefix => Segments.Count > 0 && Segments[Segments.Count - 1].Kind == SegmentKind.CatchAll;
}
