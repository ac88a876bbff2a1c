using System.Collections.Generic;

namespace Gateway.Dsl.Syntax;

/// <summary>The syntax tree of a route file: top-level directives and blocks, each with its spans.</summary>
/// <remarks>The tree keeps every token the checker needs for tight diagnostics; it holds shape, not meaning.</remarks>
public sealed class RouteFileSyntax
{
    /// <summary>Creates a tree from its top-level parts.</summary>
    public RouteFileSyntax(IReadOnlyList<DirectiveSyntax> directives, IReadOnlyList<BlockSyntax> blocks)
    {
        Directives = directives;
        Blocks = blocks;
    }

    /// <summary>Top-level one-line directives (<c>listen</c>, <c>admin</c>, and unknown ones), in file order.</summary>
    public IReadOnlyList<DirectiveSyntax> Directives { get; }

    /// <summary>Top-level blocks (<c>upstream</c>, <c>route</c>, and unknown ones), in file order.</summary>
    public IReadOnlyList<BlockSyntax> Blocks { get; }
}
