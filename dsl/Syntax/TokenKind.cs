namespace Gateway.Dsl.Syntax;

/// <summary>The kinds of token in a route file; the language is line-oriented, so newlines are tokens.</summary>
public enum TokenKind
{
    /// <summary>A run of non-whitespace characters: a keyword, name, path, address or number.</summary>
    Word,

    /// <summary>A quoted string; <see cref="Token.Value"/> holds it unescaped.</summary>
    String,

    /// <summary>A <c>{</c> that opens a block.</summary>
    OpenBrace,

    /// <summary>A <c>}</c> that closes a block.</summary>
    CloseBrace,

    /// <summary>The end of a line, which ends a directive.</summary>
    Newline,

    /// <summary>The end of the file; always the last token.</summary>
    EndOfFile,
}
