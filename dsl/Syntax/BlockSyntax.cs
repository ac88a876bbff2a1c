using System.Collections.Generic;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Syntax;

/// <summary>A block, <c>keyword NAME { directives }</c>: an <c>upstream</c> or a <c>route</c>, or an unknown keyword the
/// checker reports.</summary>
public sealed class BlockSyntax
{
    /// <summary>Creates a block from its parts; missing parts are null after the parser has reported them.</summary>
    public BlockSyntax(Token keyword, Token? name, Token? openBrace, IReadOnlyList<DirectiveSyntax> directives, Token? closeBrace)
        : this(keyword, name, openBrace, directives, closeBrace, System.Array.Empty<Token>())
    {
    }

    /// <summary>Creates a block that also had lines the parser could not read as directives.</summary>
    public BlockSyntax(Token keyword, Token? name, Token? openBrace, IReadOnlyList<DirectiveSyntax> directives, Token? closeBrace, IReadOnlyList<Token> rejectedLines)
    {
        Keyword = keyword;
        Name = name;
        OpenBrace = openBrace;
        Directives = directives;
        CloseBrace = closeBrace;
        RejectedLines = rejectedLines;
    }

    /// <summary>The block's keyword, <c>upstream</c> or <c>route</c>.</summary>
    public Token Keyword { get; }

    /// <summary>The block's name, or null when the header has none.</summary>
    public Token? Name { get; }

    /// <summary>The opening brace, or null when it is missing.</summary>
    public Token? OpenBrace { get; }

    /// <summary>The directives inside the block, in file order.</summary>
    public IReadOnlyList<DirectiveSyntax> Directives { get; }

    /// <summary>The first token of each line inside the block that the parser reported and skipped (a line that starts
    /// with a quoted string): the checker does not add "missing" errors for what such a line may have meant.</summary>
    public IReadOnlyList<Token> RejectedLines { get; }

    /// <summary>The closing brace, or null when the block is not closed.</summary>
    public Token? CloseBrace { get; }

    /// <summary>The span to point at when a diagnostic concerns the whole block: the name, or else the keyword.</summary>
    public TextSpan NameSpan => Name?.Span ?? Keyword.Span;

    /// <summary>From the keyword to the closing brace, or to the last directive when the block is not closed.</summary>
    public TextSpan Span
    {
        get
        {
            var end = CloseBrace?.Span.End
                ?? (Directives.Count > 0 ? Directives[Directives.Count - 1].Span.End : (OpenBrace ?? Name ?? Keyword).Span.End);
            return TextSpan.FromBounds(Keyword.Span.Start, end);
        }
    }
}
