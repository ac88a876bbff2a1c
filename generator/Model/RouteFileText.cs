namespace Gateway.Generator.Model;

/// <summary>A <c>*.gw</c> AdditionalFile read into plain strings, so the pipeline holds no <c>AdditionalText</c>.</summary>
internal sealed record RouteFileText
{
    /// <summary>The file's name, e.g. <c>routes.gw</c>; <c>[GeneratedRoutes("routes.gw")]</c> names the file by it.</summary>
    public required string FileName { get; init; }

    /// <summary>The full path, where diagnostics point.</summary>
    public required string Path { get; init; }

    /// <summary>The file's text, or null when the compiler could not read it.</summary>
    public required string? Text { get; init; }
}
