namespace Gateway.Dsl.Model;

/// <summary>A piece of a <c>respond</c> body: literal text, or a captured path value written <c>{name}</c>.</summary>
public sealed record TemplatePart
{
    /// <summary>The literal text, or the capture's name.</summary>
    public required string Text { get; init; }

    /// <summary>For a capture, its position among the route's captures (path order); -1 for literal text.</summary>
    public required int CaptureIndex { get; init; }

    /// <summary>Whether this part is a captured value.</summary>
    public bool IsCapture => CaptureIndex >= 0;
}
