using Gateway.Dsl.Collections;

namespace Gateway.Dsl.Model;

/// <summary>How the upstream path is made: a <c>rewrite</c> template with captures, or <c>strip-prefix</c> and/or
/// <c>add-prefix</c>. The query string is always kept.</summary>
public sealed record PathRewrite
{
    /// <summary>The <c>rewrite</c> template's parts (literal text and captures), or empty when there is none.</summary>
    public EquatableArray<TemplatePart> Template { get; init; } = EquatableArray<TemplatePart>.Empty;

    /// <summary>The prefix removed from the request path (without trailing slash), or null.</summary>
    public string? StripPrefix { get; init; }

    /// <summary>The prefix put before the path (without trailing slash), or null.</summary>
    public string? AddPrefix { get; init; }

    /// <summary>Whether the path comes from a <c>rewrite</c> template.</summary>
    public bool IsTemplate => Template.Count > 0;
}
