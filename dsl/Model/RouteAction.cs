using Gateway.Dsl.Collections;

namespace Gateway.Dsl.Model;

/// <summary>What a route does with a matched request: forward it (<c>to</c>) or answer it (<c>respond</c>).</summary>
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
}
