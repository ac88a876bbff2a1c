using System.Collections.Generic;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Syntax;

/// <summary>Turns tokens into a <see cref="RouteFileSyntax"/>: top-level directives and <c>KEYWORD NAME { … }</c> blocks,
/// whose directives may open nested blocks of their own (<c>jwt { … }</c>).</summary>
/// <remarks>
/// The parser checks shape only: lines, braces and block headers. It does not know which keywords exist beyond the two
/// block keywords; the checker judges every directive. After an error it recovers at the end of the line or at the
/// next <c>}</c>, so one run reports every shape error of the file.
/// </remarks>
public sealed class Parser
{
    private const string RouteKeyword = "route";
    private const string UpstreamKeyword = "upstream";
    private const string PolicyKeyword = "policy";

    // The token list always ends with one end-of-file token, so lookahead needs no bounds checks.
    private readonly IReadOnlyList<Token> _tokens;
    private readonly DiagnosticBag _diagnostics;
    private int _position;

    private Parser(IReadOnlyList<Token> tokens, DiagnosticBag diagnostics)
    {
        _tokens = tokens;
        _diagnostics = diagnostics;
    }

    /// <summary>Lexes and parses <paramref name="source"/>, reporting problems into <paramref name="diagnostics"/>; never throws.</summary>
    public static RouteFileSyntax Parse(SourceText source, DiagnosticBag diagnostics)
    {
        var tokens = Lexer.Lex(source, diagnostics);
        return new Parser(tokens, diagnostics).ParseFile();
    }

    private Token Current => _tokens[_position];

    /// <summary>Parses the top level: one-line directives and blocks until the end of the file.</summary>
    private RouteFileSyntax ParseFile()
    {
        var directives = new List<DirectiveSyntax>();
        var blocks = new List<BlockSyntax>();
        while (true)
        {
            SkipNewlines();
            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.EndOfFile:
                    return new RouteFileSyntax(directives, blocks);

                case TokenKind.CloseBrace:
                    _diagnostics.Error(DiagnosticCode.UnexpectedCloseBrace, token.Span, "unexpected '}'; no block is open here, so remove it");
                    Advance();
                    break;

                case TokenKind.OpenBrace:
                    ReportStrayOpenBrace(token);
                    Advance();
                    break;

                // A line that starts with a string has no keyword to judge it by; skip it whole.
                case TokenKind.String:
                    ReportNotADirective(token);
                    SkipLine();
                    break;

                default:
                    // A line that ends in '{', or starts with a block keyword, is a block; anything else is a directive.
                    if (IsBlockKeyword(token) || LineEndsWithOpenBrace())
                    {
                        blocks.Add(ParseBlock());
                    }
                    else
                    {
                        directives.Add(ParseDirective());
                    }

                    break;
            }
        }
    }

    /// <summary>Parses <c>KEYWORD NAME {</c>, the directives and the closing <c>}</c>, recovering from a missing brace.</summary>
    private BlockSyntax ParseBlock()
    {
        // The header is read like a directive; its shape is checked separately so that errors point at the words.
        var header = ParseDirective();
        var keyword = header.Keyword;
        var name = CheckHeader(header);
        var openBrace = ParseOpenBrace(header);
        var what = keyword.Text + (name is { } n ? " '" + n.Value + "'" : string.Empty);
        var rejected = new List<Token>();
        var directives = ParseBody(what, openBrace, rejected, out var closeBrace);
        return new BlockSyntax(keyword, name, openBrace, directives, closeBrace, rejected);
    }

    /// <summary>Parses the directives of a block up to its <c>}</c>; a directive whose line ends in <c>{</c> gets a nested
    /// block of its own (<c>jwt { … }</c>), parsed the same way.</summary>
    /// <param name="what">The block for messages: <c>route 'users'</c>, <c>'jwt'</c>.</param>
    /// <param name="openBrace">The block's <c>{</c>, or null when it was missing (then an unclosed block is not reported twice).</param>
    /// <param name="closeBrace">The <c>}</c> that closed the block, or null when the block ended without one.</param>
    /// <param name="rejected">Collects the first token of each line the parser reported and skipped.</param>
    private List<DirectiveSyntax> ParseBody(string what, Token? openBrace, List<Token> rejected, out Token? closeBrace)
    {
        var directives = new List<DirectiveSyntax>();
        while (true)
        {
            SkipNewlines();
            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.CloseBrace:
                    Advance();
                    closeBrace = token;
                    return directives;

                case TokenKind.EndOfFile:
                    ReportUnclosed(what, openBrace, "at the end of the file");
                    closeBrace = null;
                    return directives;

                case TokenKind.OpenBrace:
                    _diagnostics.Error(DiagnosticCode.UnexpectedOpenBrace, token.Span, "unexpected '{' with no directive before it; a block opens on its directive's line, as in 'jwt {'");
                    Advance();
                    break;

                case TokenKind.String:
                    ReportNotADirective(token);
                    rejected.Add(token);
                    SkipLine();
                    break;

                default:
                    // 'route b {' inside a block means the block lost its '}': end it here so that the next block
                    // parses as written instead of drowning in follow-on errors.
                    if (IsBlockKeyword(token) && LineEndsWithOpenBrace())
                    {
                        ReportUnclosed(what, openBrace, "before '" + token.Text + "' on line " + LineOf(token.Span));
                        closeBrace = null;
                        return directives;
                    }

                    var directive = ParseDirective();
                    if (Current.Kind == TokenKind.OpenBrace)
                    {
                        // The checker decides whether this keyword takes a block; the parser only reads its shape.
                        var nestedOpen = Current;
                        Advance();
                        var body = ParseBody("'" + directive.Name + "'", nestedOpen, rejected, out var nestedClose);
                        directive = new DirectiveSyntax(directive.Keyword, directive.Arguments, nestedOpen, body, nestedClose);
                    }

                    directives.Add(directive);
                    break;
            }
        }
    }

    /// <summary>Reports a header that is not exactly <c>KEYWORD NAME</c> and returns the name, if any.</summary>
    private Token? CheckHeader(DirectiveSyntax header)
    {
        var keyword = header.Keyword.Text;

        // Only the block keywords take a name; any other keyword that opens a block at the top level ('cors {') is
        // the checker's to report, and 'write cors NAME {' would be wrong advice.
        if (header.Arguments.Count == 0 && !IsBlockKeyword(header.Keyword))
        {
            return null;
        }

        if (header.Arguments.Count == 0)
        {
            var at = Current.Kind == TokenKind.OpenBrace ? Current.Span : new TextSpan(header.Keyword.Span.End, 0);
            _diagnostics.Error(DiagnosticCode.InvalidBlockHeader, at, "expected a name after '" + keyword + "'; write '" + keyword + " NAME {'");
            return null;
        }

        // Extra words are reported together, as one span that the message quotes whole, and the first word is kept as the name.
        var name = header.Arguments[0];
        if (header.Arguments.Count > 1)
        {
            var extra = TextSpan.FromBounds(header.Arguments[1].Span.Start, header.Arguments[header.Arguments.Count - 1].Span.End);
            _diagnostics.Error(
                DiagnosticCode.InvalidBlockHeader,
                extra,
                "unexpected '" + _diagnostics.Source.Text.Substring(extra.Start, extra.Length) + "' after " + keyword + " '" + name.Value + "'; write '" + keyword + " NAME {' with a single name");
        }

        return name;
    }

    /// <summary>Consumes the block's <c>{</c>; when it is missing or on the next line, reports it and carries on as if
    /// it were there, because a forgotten brace is more likely than a stray header.</summary>
    private Token? ParseOpenBrace(DirectiveSyntax header)
    {
        var written = header.Keyword.Text + (header.Arguments.Count > 0 ? " " + header.Arguments[0].Text : string.Empty);
        if (Current.Kind == TokenKind.OpenBrace)
        {
            var brace = Current;
            Advance();
            return brace;
        }

        // Look past blank lines: a '{' on the next line is a misplaced brace, not a missing one.
        var next = _position;
        while (_tokens[next].Kind == TokenKind.Newline)
        {
            next++;
        }

        if (_tokens[next].Kind == TokenKind.OpenBrace)
        {
            var brace = _tokens[next];
            _diagnostics.Error(DiagnosticCode.MissingOpenBrace, brace.Span, "'{' must be on the same line as '" + written + "'; move it up");
            _position = next + 1;
            return brace;
        }

        _diagnostics.Error(DiagnosticCode.MissingOpenBrace, new TextSpan(header.Span.End, 0), "expected '{' after '" + written + "'; write '" + written + " {'");
        return null;
    }

    /// <summary>Parses <c>keyword args…</c> up to the end of the line, a brace, or the end of the file.</summary>
    private DirectiveSyntax ParseDirective()
    {
        var keyword = Current;
        Advance();
        var arguments = new List<Token>();

        // Braces end the directive too: a '}' closes the enclosing block, a '{' opens (or wrongly opens) one.
        while (Current.Kind == TokenKind.Word || Current.Kind == TokenKind.String)
        {
            arguments.Add(Current);
            Advance();
        }

        return new DirectiveSyntax(keyword, arguments);
    }

    /// <summary>Reports a block without its <c>}</c>, at the <c>{</c> it should match.</summary>
    private void ReportUnclosed(string what, Token? openBrace, string where)
    {
        // A block without '{' has already been reported; saying it is also unclosed adds nothing.
        if (openBrace is null)
        {
            return;
        }

        _diagnostics.Error(DiagnosticCode.UnclosedBlock, openBrace.Value.Span, what + " is not closed " + where + "; add '}' after its last directive");
    }

    /// <summary>Reports a <c>{</c> at the start of a top-level line.</summary>
    private void ReportStrayOpenBrace(Token token) =>
        _diagnostics.Error(DiagnosticCode.UnexpectedOpenBrace, token.Span, "unexpected '{'; a block starts with 'upstream NAME {', 'route NAME {' or 'policy NAME {' on one line");

    /// <summary>Reports a line that starts with a string instead of a keyword.</summary>
    private void ReportNotADirective(Token token) =>
        _diagnostics.Error(DiagnosticCode.ExpectedDirective, token.Span, "expected a directive keyword, found a quoted string; start the line with a keyword such as 'path'");

    /// <summary>Whether the current line, from here, ends with <c>{</c> before any newline or <c>}</c>.</summary>
    private bool LineEndsWithOpenBrace()
    {
        for (var i = _position; ; i++)
        {
            switch (_tokens[i].Kind)
            {
                case TokenKind.OpenBrace:
                    return true;
                case TokenKind.Word:
                case TokenKind.String:
                    continue;
                default:
                    return false;
            }
        }
    }

    /// <summary>Whether <paramref name="token"/> is <c>route</c>, <c>upstream</c> or <c>policy</c>, the named top-level blocks.</summary>
    private static bool IsBlockKeyword(Token token) => token.IsWord(RouteKeyword) || token.IsWord(UpstreamKeyword) || token.IsWord(PolicyKeyword);

    /// <summary>The 1-based line of <paramref name="span"/>, for messages.</summary>
    private int LineOf(TextSpan span) => _diagnostics.Source.GetPosition(span.Start).Line + 1;

    /// <summary>Skips the rest of the line, stopping before a <c>}</c> so that the enclosing block still closes.</summary>
    private void SkipLine()
    {
        while (Current.Kind is TokenKind.Word or TokenKind.String or TokenKind.OpenBrace)
        {
            Advance();
        }
    }

    /// <summary>Skips blank lines, which carry no meaning.</summary>
    private void SkipNewlines()
    {
        while (Current.Kind == TokenKind.Newline)
        {
            Advance();
        }
    }

    /// <summary>Moves to the next token, never past the end of the file.</summary>
    private void Advance()
    {
        // The end-of-file token is never passed, so Current is always valid.
        if (Current.Kind != TokenKind.EndOfFile)
        {
            _position++;
        }
    }
}
