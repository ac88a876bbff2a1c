using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Syntax;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Semantics;

/// <summary>Small checks and lookups on tokens that every part of the checker needs.</summary>
internal static class TokenChecks
{
    /// <summary>Reports a quoted string where a bare word belongs; returns whether <paramref name="token"/> is a word.</summary>
    /// <param name="diagnostics">Where to report.</param>
    /// <param name="token">The argument.</param>
    /// <param name="what">What belongs there, with its article: <c>an upstream name</c>.</param>
    public static bool RequireWord(DiagnosticBag diagnostics, Token token, string what)
    {
        if (token.Kind == TokenKind.Word)
        {
            return true;
        }

        diagnostics.Error(DiagnosticCode.ExpectedWord, token.Span, "quoted string where " + what + " is expected; write it without quotes");
        return false;
    }

    /// <summary>The 1-based line of <paramref name="span"/>, for messages that point back at an earlier line.</summary>
    public static int LineOf(DiagnosticBag diagnostics, TextSpan span) => diagnostics.Source.GetPosition(span.Start).Line + 1;

    /// <summary>A span inside a word, from its offset <paramref name="start"/> for <paramref name="length"/> characters.</summary>
    public static TextSpan Inside(Token token, int start, int length) => new(token.Span.Start + start, length);
}
