using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Syntax;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Tests.Syntax;

/// <summary>Words, braces, strings, comments and newlines, and the lexer's own diagnostics.</summary>
public sealed class LexerTests
{
    [Fact]
    public void Lex_PathWithBalancedBraces_IsOneWord()
    {
        var (tokens, diagnostics) = Lex("path /users/{id:int}/{**rest}");

        Assert.Empty(diagnostics.Items);
        Assert.Equal(new[] { TokenKind.Word, TokenKind.Word, TokenKind.EndOfFile }, tokens.Select(t => t.Kind));
        Assert.Equal("/users/{id:int}/{**rest}", tokens[1].Text);
        Assert.Equal(new TextSpan(5, 24), tokens[1].Span);
    }

    [Fact]
    public void Lex_TrailingUnbalancedCloseBrace_IsBraceToken()
    {
        var (tokens, _) = Lex("to users}");

        Assert.Equal(new[] { "to", "users", "}" }, tokens.Take(3).Select(t => t.Text));
        Assert.Equal(TokenKind.CloseBrace, tokens[2].Kind);
        Assert.Equal(new TextSpan(8, 1), tokens[2].Span);
    }

    [Fact]
    public void Lex_TrailingUnbalancedOpenBrace_IsBraceToken()
    {
        var (tokens, _) = Lex("route users{");

        Assert.Equal(new[] { TokenKind.Word, TokenKind.Word, TokenKind.OpenBrace }, tokens.Take(3).Select(t => t.Kind));
        Assert.Equal("users", tokens[1].Text);
    }

    [Fact]
    public void Lex_EmptyBracePair_IsOpenThenClose()
    {
        var (tokens, _) = Lex("upstream u {}");

        Assert.Equal(new[] { TokenKind.Word, TokenKind.Word, TokenKind.OpenBrace, TokenKind.CloseBrace, TokenKind.EndOfFile }, tokens.Select(t => t.Kind));
    }

    [Fact]
    public void Lex_BraceStandingAlone_IsBraceToken()
    {
        var (tokens, _) = Lex("route a {\n}\n");

        Assert.Equal(
            new[] { TokenKind.Word, TokenKind.Word, TokenKind.OpenBrace, TokenKind.Newline, TokenKind.CloseBrace, TokenKind.Newline, TokenKind.EndOfFile },
            tokens.Select(t => t.Kind));
    }

    [Fact]
    public void Lex_HashAtTokenStart_StartsComment()
    {
        var (tokens, _) = Lex("path /a#b # a comment {\nto x");

        Assert.Equal(new[] { "path", "/a#b", "\n", "to", "x", "" }, tokens.Select(t => t.Text));
    }

    [Fact]
    public void Lex_StringWithEscapes_HoldsUnescapedValue()
    {
        var (tokens, diagnostics) = Lex("respond 200 \"a \\\"b\\\" \\\\ \\n\\t{id}\"");

        Assert.Empty(diagnostics.Items);
        var body = tokens[2];
        Assert.Equal(TokenKind.String, body.Kind);
        Assert.Equal("a \"b\" \\ \n\t{id}", body.Value);
        Assert.Equal("\"a \\\"b\\\" \\\\ \\n\\t{id}\"", body.Text);
    }

    [Fact]
    public void SourceOffsetOf_StringWithEscapes_SkipsQuoteAndEscapes()
    {
        var (tokens, _) = Lex("x \"\\\"{id}\"");

        var body = tokens[1];
        Assert.Equal("\"{id}", body.Value);

        // Value index 1 is '{', which sits after the opening quote and the two-character escape.
        Assert.Equal(5, body.SourceOffsetOf(1));
    }

    [Fact]
    public void Lex_UnterminatedString_ReportsAtOpeningQuote()
    {
        var (tokens, diagnostics) = Lex("respond 200 \"oops\nto x");

        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCode.UnterminatedString, diagnostic.Code);
        Assert.Equal(new TextSpan(12, 1), diagnostic.Span);
        Assert.Equal(TokenKind.Newline, tokens[3].Kind);
        Assert.Equal("to", tokens[4].Text);
    }

    [Fact]
    public void Lex_UnknownEscape_ReportsBackslashAndLetter()
    {
        var (tokens, diagnostics) = Lex("x \"a\\qb\"");

        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCode.InvalidEscape, diagnostic.Code);
        Assert.Equal(new TextSpan(4, 2), diagnostic.Span);
        Assert.Equal("a\\qb", tokens[1].Value);
    }

    [Fact]
    public void Lex_ControlCharacter_ReportsAndSkipsIt()
    {
        var (tokens, diagnostics) = Lex("path\u0001 /a");

        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCode.InvalidCharacter, diagnostic.Code);
        Assert.Equal("unexpected control character U+0001; remove it", diagnostic.Message);
        Assert.Equal(new[] { "path", "/a", "" }, tokens.Select(t => t.Text));
    }

    [Fact]
    public void Lex_CrLf_IsOneNewline()
    {
        var (tokens, _) = Lex("a\r\nb\rc");

        Assert.Equal(new[] { TokenKind.Word, TokenKind.Newline, TokenKind.Word, TokenKind.Newline, TokenKind.Word, TokenKind.EndOfFile }, tokens.Select(t => t.Kind));
        Assert.Equal(new TextSpan(1, 2), tokens[1].Span);
    }

    [Fact]
    public void Lex_EmptyText_IsOnlyEndOfFile()
    {
        var (tokens, diagnostics) = Lex(string.Empty);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(TokenKind.EndOfFile, Assert.Single(tokens).Kind);
    }

    [Theory]
    [InlineData("path /caf\uFFFD", 9, 1)]
    [InlineData("respond 200 \"a\uFFFD\uFFFDb\"", 14, 2)]
    [InlineData("# \uFFFD in a comment", 2, 1)]
    public void Lex_ReplacementCharacter_ReportsGW0012OverTheRun(string text, int start, int length)
    {
        var (tokens, diagnostics) = Lex(text);

        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCode.InvalidUtf8, diagnostic.Code);
        Assert.Equal(new TextSpan(start, length), diagnostic.Span);
        Assert.Equal(TokenKind.EndOfFile, tokens[^1].Kind);
    }

    private static (IReadOnlyList<Token> Tokens, DiagnosticBag Diagnostics) Lex(string text)
    {
        var diagnostics = new DiagnosticBag(new SourceText(text, "test.gw"));
        return (Lexer.Lex(diagnostics.Source, diagnostics), diagnostics);
    }
}
