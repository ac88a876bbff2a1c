namespace Gateway.Dsl.Model;

/// <summary>The checked <c>api-key { … }</c> block: where the key travels and which file lists the valid keys.</summary>
public sealed record ApiKeySettings
{
    /// <summary>The header or query parameter that carries the key.</summary>
    public required TokenSource Source { get; init; }

    /// <summary>The file of <c>consumer key</c> lines (a mounted Secret); reloaded when it changes.</summary>
    public required string KeysFile { get; init; }

    /// <summary>The 1-based line of the <c>api-key</c> directive, for logs.</summary>
    public required int Line { get; init; }
}
