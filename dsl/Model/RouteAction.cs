using Gateway.Dsl.Collections;

namespace Gateway.Dsl.Model;

/// <summary>What a route does with a matched request: forward it (<c>to</c>), answer it (<c>respond</c>) or redirect it
/// (<c>redirect</c>).</summary>
public sealed record RouteAction
{
    /// <summary>Forward or respond.</summary>
    public required RouteActionKind Kind { get; init; }

    /// <summary>The upstream's name for <see cref="RouteActionKind.Forward"/>; otherwise null.</summary>
    public string? Upstream { get; init; }

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
