using Gateway.Dsl.Collections;

namespace Gateway.Dsl.Model;

/// <summary>What a route does with a matched request: forward it (<c>to</c>), answer it (<c>respond</c>) or redirect it
/// (<c>redirect</c>).</summary>
public sealed record RouteAction
{
    /// <summary>Forward or respond.</summary>
    public required RouteActionKind Kind { get; init; }

    /// <summary>The upstream's name for <see cref="RouteActionKind.Forward"/> (the first of a split); otherwise null.</summary>
    public string? Upstream { get; init; }

    /// <summary>The sides of a weighted split (<c>to a 90 b 10</c>), in the order written; empty for <c>to a</c>.</summary>
    public EquatableArray<WeightedUpstream> Split { get; init; }

    /// <summary>The key that keeps a client on one side of the split (<c>sticky by …</c>); null for a random draw.</summary>
    public StickyKey? Sticky { get; init; }

    /// <summary>The split's pin rules (<c>pin UPSTREAM header NAME VALUE</c>), checked in the order written before the
    /// sticky key and the weights.</summary>
    public EquatableArray<UpstreamPin> Pins { get; init; }

    /// <summary>Where a share of the forwarded requests is copied (<c>mirror UPSTREAM P%</c>); null for none.</summary>
    public TrafficMirror? Mirror { get; init; }

    /// <summary>The status code for <see cref="RouteActionKind.Respond"/>.</summary>
    public int Status { get; init; }

    /// <summary>The body for <see cref="RouteActionKind.Respond"/>: literal text and captured values.</summary>
    public EquatableArray<TemplatePart> Body { get; init; }

    /// <summary>The media type of a <see cref="RouteActionKind.Respond"/> body; <c>text/plain; charset=utf-8</c> unless the
    /// route names one.</summary>
    public string ContentType { get; init; } = DefaultContentType;

    /// <summary>Where a <see cref="RouteActionKind.Redirect"/> sends the client; otherwise null.</summary>
    public RedirectTarget? Redirect { get; init; }

    /// <summary>The content type of a <c>respond</c> body that names none.</summary>
    public const string DefaultContentType = "text/plain; charset=utf-8";
}
