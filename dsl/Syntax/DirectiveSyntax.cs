using System.Collections.Generic;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Syntax;

/// <summary>One directive line, <c>keyword args…</c>, with every argument token; the checker gives it meaning.</summary>
public sealed class DirectiveSyntax
{
    /// <summary>Creates a directive from its keyword and arguments.</summary>
    public DirectiveSyntax(Token keyword, IReadOnlyList<Token> arguments)
    {
        Keyword = keyword;
        Arguments = arguments;
    }

    /// <summary>The first word of the line, e.g. <c>path</c>.</summary>
    public Token Keyword { get; }

    /// <summary>The words and strings after the keyword, up to the end of the line or a closing <c>}</c>.</summary>
    public IReadOnlyList<Token> Arguments { get; }

    /// <summary>From the keyword to the last argument.</summary>
    public TextSpan Span => Arguments.Count == 0 ? Keyword.Span : TextSpan.FromBounds(Keyword.Span.Start, Arguments[Arguments.Count - 1].Span.End);

    /// <summary>The directive's keyword text.</summary>
    public string Name => Keyword.Text;
}
