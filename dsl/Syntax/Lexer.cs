using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Syntax;

/// <summary>Turns route-file text into tokens: words, quoted strings, braces and newlines.</summary>
/// <remarks>
/// A word is any run of non-whitespace characters. Braces inside a word belong to it while they balance, so
/// <c>/users/{id:int}</c> is one word; a brace standing alone, a <c>}</c> that closes nothing (<c>to users}</c>) and a
/// trailing unbalanced <c>{</c> (<c>route users{</c>) are brace tokens. <c>#</c> starts a comment only where a token could
/// start, so <c>/a#b</c> stays one word. Problems become diagnostics; the lexer always reaches the end of the text.
/// </remarks>
public sealed class Lexer
{
    // The lexer works on the string directly; token spans are offsets into it.
    private readonly string _text;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<Token> _tokens = new();
    private int _position;

    private Lexer(SourceText source, DiagnosticBag diagnostics)
    {
        _text = source.Text;
        _diagnostics = diagnostics;
    }

    /// <summary>Lexes <paramref name="source"/>; the result always ends with one <see cref="TokenKind.EndOfFile"/> token.</summary>
    public static IReadOnlyList<Token> Lex(SourceText source, DiagnosticBag diagnostics)
    {
        var lexer = new Lexer(source, diagnostics);
        lexer.Run();
        return lexer._tokens;
    }

    /// <summary>Lexes the whole text, one token or skipped run per step.</summary>
    private void Run()
    {
        ReportInvalidUtf8();
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '\r' || c == '\n')
            {
                LexNewline();
            }
            else if (c == '#')
            {
                // A comment runs to the end of the line; the newline itself still ends the directive.
                while (_position < _text.Length && _text[_position] != '\r' && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else if (char.IsWhiteSpace(c))
            {
                _position++;
            }
            else if (IsInvalidControl(c))
            {
                var code = ((int)c).ToString("X4", CultureInfo.InvariantCulture);
                _diagnostics.Error(DiagnosticCode.InvalidCharacter, new TextSpan(_position, 1), "unexpected control character U+" + code + "; remove it");
                _position++;
            }
            else if (c == '"')
            {
                LexString();
            }
            else if (c == '}')
            {
                Add(TokenKind.CloseBrace, _position, 1);
            }
            else
            {
                LexWord();
            }
        }

        _tokens.Add(new Token(TokenKind.EndOfFile, new TextSpan(_text.Length, 0), string.Empty, string.Empty));
    }

    /// <summary>Reports each run of U+FFFD, wherever it is (strings and comments included), as bytes that are not UTF-8.</summary>
    /// <remarks>
    /// Both readers of a route file (the compiler and <see cref="RouteFileEncoding.Decode"/>) turn each byte sequence that
    /// is not UTF-8 into one U+FFFD, so this one check gives both the same error at the same line and column. A U+FFFD
    /// typed into the file is indistinguishable from one and is reported too; it never means anything in a route file.
    /// The character stays in the text and lexes as part of a word, so the rest of the line is still checked.
    /// </remarks>
    private void ReportInvalidUtf8()
    {
        const char Replacement = '\uFFFD';
        for (var start = _text.IndexOf(Replacement); start >= 0; start = _text.IndexOf(Replacement, start))
        {
            var end = start;
            while (end < _text.Length && _text[end] == Replacement)
            {
                end++;
            }

            _diagnostics.Error(
                DiagnosticCode.InvalidUtf8,
                TextSpan.FromBounds(start, end),
                "the file is not valid UTF-8 here (read as U+FFFD); save it as UTF-8 and retype what stood here");
            start = end;
        }
    }

    /// <summary>Lexes one line end: <c>\r\n</c>, <c>\n</c> or a lone <c>\r</c>, as <see cref="SourceText"/> counts lines.</summary>
    private void LexNewline()
    {
        var start = _position;
        _position += _text[_position] == '\r' && _position + 1 < _text.Length && _text[_position + 1] == '\n' ? 2 : 1;
        _tokens.Add(new Token(TokenKind.Newline, TextSpan.FromBounds(start, _position), _text.Substring(start, _position - start), string.Empty));
    }

    /// <summary>Lexes a word, tracking brace depth so that balanced braces stay inside it.</summary>
    private void LexWord()
    {
        var start = _position;
        var depth = 0;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (char.IsWhiteSpace(c) || IsInvalidControl(c))
            {
                break;
            }

            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                // A '}' that closes nothing inside the word closes the block instead: 'to users}'.
                if (depth == 0)
                {
                    break;
                }

                depth--;
            }

            _position++;
        }

        // The word ends at whitespace, a control character, or a '}' that closes nothing.
        var length = _position - start;
        if (length == 1 && _text[start] == '{')
        {
            Add(TokenKind.OpenBrace, start, 1);
            _position = start + 1;
            return;
        }

        // 'route users{' and 'upstream u {}' mean the same as with spaces; any other unbalanced '{' stays in the word
        // so that the checker can point at it inside the path.
        if (length == 2 && _text[start] == '{' && _text[start + 1] == '}')
        {
            Add(TokenKind.OpenBrace, start, 1);
            Add(TokenKind.CloseBrace, start + 1, 1);
            return;
        }

        if (depth > 0 && _text[_position - 1] == '{')
        {
            AddWord(start, length - 1);
            Add(TokenKind.OpenBrace, _position - 1, 1);
            return;
        }

        AddWord(start, length);
    }

    /// <summary>Lexes a quoted string on one line; an unterminated string ends at the line end and is reported at its quote.</summary>
    private void LexString()
    {
        var start = _position;

        // The value is built as the escapes are read; Text keeps the source form for spans.
        var value = new StringBuilder();
        _position++;
        while (true)
        {
            // Strings do not span lines: a missing quote then costs one error instead of swallowing the file.
            if (_position >= _text.Length || _text[_position] == '\r' || _text[_position] == '\n')
            {
                _diagnostics.Error(DiagnosticCode.UnterminatedString, new TextSpan(start, 1), "string is not terminated; close it with '\"' on the same line");
                break;
            }

            var c = _text[_position];
            if (c == '"')
            {
                _position++;
                break;
            }

            // A backslash at the end of the line escapes nothing; the string is then unterminated.
            if (c == '\\' && _position + 1 < _text.Length && _text[_position + 1] != '\r' && _text[_position + 1] != '\n')
            {
                value.Append(Unescape(_text[_position + 1]));
                _position += 2;
                continue;
            }

            value.Append(c);
            _position++;
        }

        _tokens.Add(new Token(TokenKind.String, TextSpan.FromBounds(start, _position), _text.Substring(start, _position - start), value.ToString()));
    }

    /// <summary>The character an escape stands for; reports unknown escapes and keeps them as written.</summary>
    private string Unescape(char escaped)
    {
        switch (escaped)
        {
            case '"': return "\"";
            case '\\': return "\\";
            case 'n': return "\n";
            case 't': return "\t";
        }

        _diagnostics.Error(
            DiagnosticCode.InvalidEscape,
            new TextSpan(_position, 2),
            "unknown escape '\\" + escaped + "' in string; write '\\\\' for a backslash, or use '\\\"', '\\n', '\\t'");
        return "\\" + escaped;
    }

    /// <summary>Adds a word token whose text and value are the same.</summary>
    private void AddWord(int start, int length)
    {
        var text = _text.Substring(start, length);
        _tokens.Add(new Token(TokenKind.Word, new TextSpan(start, length), text, text));
    }

    /// <summary>Adds a brace token and moves past it.</summary>
    private void Add(TokenKind kind, int start, int length)
    {
        var text = _text.Substring(start, length);
        _tokens.Add(new Token(kind, new TextSpan(start, length), text, text));
        _position = start + length;
    }

    /// <summary>Control characters other than whitespace have no place in a route file outside strings.</summary>
    private static bool IsInvalidControl(char c) => char.IsControl(c) && !char.IsWhiteSpace(c);
}
