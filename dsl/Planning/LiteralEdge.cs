namespace Gateway.Dsl.Planning;

/// <summary>A trie edge taken when the request segment equals <see cref="Text"/> (case-sensitive).</summary>
public sealed record LiteralEdge
{
    /// <summary>The literal segment text.</summary>
    public required string Text { get; init; }

    /// <summary>The node reached.</summary>
    public required PathNode Node { get; init; }
}
