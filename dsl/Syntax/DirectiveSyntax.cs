using System.Collections.Generic;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Syntax;

/// <summary>One directive line, <c>keyword args…</c>, with every argument token and, when the line ends in <c>{</c>, the
/// directives of its nested block (<c>jwt { … }</c>); the checker gives it meaning.</summary>
public sealed class DirectiveSyntax
{
    /// <summary>Creates a one-line directive from its keyword and arguments.</summary>
    public DirectiveSyntax(Token keyword, IReadOnlyList<Token> arguments)
        : this(keyword, arguments, openBrace: null, body: null, closeBrace: null)
    {
    }

    /// <summary>Creates a directive with a nested block; <paramref name="closeBrace"/> is null when the block is not closed.</summary>
    public DirectiveSyntax(Token keyword, IReadOnlyList<Token> arguments, Token? openBrace, IReadOnlyList<DirectiveSyntax>? body, Token? closeBrace)
    {
        Keyword = keyword;
        Arguments = arguments;
        OpenBrace = openBrace;
        Body = body;
        CloseBrace = closeBrace;
    }

    /// <summary>The first word of the line, e.g. <c>path</c>.</summary>
    public Token Keyword { get; }

    /// <summary>The words and strings after the keyword, up to the end of the line, a brace, or the end of the file.</summary>
    public IReadOnlyList<Token> Arguments { get; }

    /// <summary>The <c>{</c> that opens the directive's block, or null for a one-line directive.</summary>
    public Token? OpenBrace { get; }

    /// <summary>The directives of the nested block, in file order, or null for a one-line directive.</summary>
    public IReadOnlyList<DirectiveSyntax>? Body { get; }

    /// <summary>The <c>}</c> that closes the nested block, or null when there is none.</summary>
    public Token? CloseBrace { get; }

    /// <summary>Whether the directive opened a block.</summary>
    public bool HasBody => Body is not null;

    /// <summary>From the keyword to the last argument (the nested block is not included).</summary>
    public TextSpan Span => Arguments.Count == 0 ? Keyword.Span : TextSpan.FromBounds(Keyword.Span.Start, Arguments[Arguments.Count - 1].Span.End);

    /// <summary>The directive's keyword text.</summary>
    public string Name => Keyword.Text;
}
