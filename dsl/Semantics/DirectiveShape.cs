namespace Gateway.Dsl.Semantics;

/// <summary>What one directive keyword accepts: where it goes, how many arguments, whether it opens a block, and how to
/// write it.</summary>
internal sealed record DirectiveShape
{
    /// <summary>The keyword, e.g. <c>path</c>.</summary>
    public required string Keyword { get; init; }

    /// <summary>The levels the directive belongs to.</summary>
    public required DirectiveLevel Level { get; init; }

    /// <summary>The fewest arguments the directive takes.</summary>
    public required int MinArguments { get; init; }

    /// <summary>The most arguments the directive takes; <see cref="int.MaxValue"/> for lists.</summary>
    public required int MaxArguments { get; init; }

    /// <summary>Whether the directive may appear more than once in its block.</summary>
    public required bool Repeatable { get; init; }

    /// <summary>Whether the directive opens a nested block (<c>jwt { … }</c>); in a route it may instead be switched off
    /// with <c>KEYWORD off</c>.</summary>
    public required bool OpensBlock { get; init; }

    /// <summary>What the arguments are, for messages: <c>one template</c>.</summary>
    public required string Takes { get; init; }

    /// <summary>A correct example, for messages: <c>path /users/{id}</c>.</summary>
    public required string Example { get; init; }
}
