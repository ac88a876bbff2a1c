using Gateway.Dsl.Text;

namespace Gateway.Dsl.Syntax;

/// <summary>One token: its kind, where it is, its source text and its value.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Span">The characters the token covers.</param>
/// <param name="Text">The source text of the token, quotes and escapes included.</param>
/// <param name="Value">The token's meaning: the text of a word, or the unescaped contents of a string.</param>
public readonly record struct Token(TokenKind Kind, TextSpan Span, string Text, string Value)
{
    /// <summary>Whether the token is a word with exactly the text <paramref name="text"/>.</summary>
    public bool IsWord(string text) => Kind == TokenKind.Word && Text == text;

    /// <summary>The file offset of the character at <paramref name="valueIndex"/> in <see cref="Value"/>.</summary>
    /// <remarks>Words are their own value; a string's value is shifted by the opening quote and by every escape, so the
    /// offset is found by walking the source text. Used to point diagnostics inside a string.</remarks>
    public int SourceOffsetOf(int valueIndex)
    {
        if (Kind != TokenKind.String)
        {
            return Span.Start + valueIndex;
        }

        var raw = 1;
        for (var value = 0; value < valueIndex && raw < Text.Length; value++)
        {
            raw += Text[raw] == '\\' && raw + 1 < Text.Length ? 2 : 1;
        }

        return Span.Start + (raw < Text.Length ? raw : Text.Length);
    }

    /// <summary>The token for messages: a word as written, a string with its quotes, a brace, or a description.</summary>
    public override string ToString() => Kind switch
    {
        TokenKind.Newline => "end of line",
        TokenKind.EndOfFile => "end of file",
        _ => Text,
    };
}
