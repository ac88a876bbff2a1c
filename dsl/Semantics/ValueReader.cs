using System;
using System.Collections.Generic;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Syntax;

namespace Gateway.Dsl.Semantics;

/// <summary>Reads the typed arguments policy directives share: durations, URLs, choices among fixed words, header names
/// and header values. Each reports what is wrong at the argument and returns null.</summary>
internal static class ValueReader
{
    /// <summary>Reads a duration such as <c>250ms</c> or <c>5s</c>; zero is allowed only when <paramref name="allowZero"/>.</summary>
    public static TimeSpan? Duration(DiagnosticBag diagnostics, Token token, string what, bool allowZero = false)
    {
        if (!TokenChecks.RequireWord(diagnostics, token, "a duration"))
        {
            return null;
        }

        if (Units.TryParseDuration(token.Text, out var duration) && (allowZero || duration > TimeSpan.Zero))
        {
            return duration;
        }

        var why = Units.LooksSignedOrFractional(token.Text) ? "is not a whole, positive duration"
            : Units.TryParseDuration(token.Text, out _) ? "must be more than zero"
            : "is not a duration";
        diagnostics.Error(DiagnosticCode.InvalidDuration, token.Span, what + " '" + token.Text + "' " + why + "; " + Units.DurationHelp);
        return null;
    }

    /// <summary>Reads an absolute <c>http</c> or <c>https</c> URL without user info or fragment.</summary>
    public static string? Url(DiagnosticBag diagnostics, Token token, string what)
    {
        if (!TokenChecks.RequireWord(diagnostics, token, "a URL"))
        {
            return null;
        }

        var text = token.Text;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https") || uri.Host.Length == 0
            || !(text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            diagnostics.Error(DiagnosticCode.InvalidUrl, token.Span, what + " '" + text + "' is not an absolute http or https URL; write it as 'https://HOST/PATH'");
            return null;
        }

        // Credentials do not belong in a reviewed, ConfigMap-stored file; a fragment is never sent.
        if (uri.UserInfo.Length > 0 || text.IndexOf('#') >= 0)
        {
            diagnostics.Error(DiagnosticCode.InvalidUrl, token.Span, what + " '" + text + "' has " + (uri.UserInfo.Length > 0 ? "user info" : "a fragment") + "; remove it");
            return null;
        }

        return text;
    }

    /// <summary>Reads one of <paramref name="choices"/> (exact case); returns its index, or -1 after suggesting the nearest.</summary>
    public static int Choice(DiagnosticBag diagnostics, Token token, string what, IReadOnlyList<string> choices)
    {
        if (token.Kind == TokenKind.Word)
        {
            for (var i = 0; i < choices.Count; i++)
            {
                if (choices[i] == token.Text)
                {
                    return i;
                }
            }
        }

        diagnostics.Error(DiagnosticCode.UnknownChoice, token.Span, "unknown " + what + " '" + token.Text + "'" + NameSuggester.DidYouMeanOrList(token.Text, choices));
        return -1;
    }

    /// <summary>Reads an HTTP header name (an RFC 9110 token); returns it as written.</summary>
    public static string? HeaderName(DiagnosticBag diagnostics, Token token)
    {
        if (!TokenChecks.RequireWord(diagnostics, token, "a header name"))
        {
            return null;
        }

        var bad = NameRules.FirstNonTokenChar(token.Text);
        if (bad >= 0)
        {
            diagnostics.Error(
                DiagnosticCode.InvalidHeaderName,
                TokenChecks.Inside(token, bad, 1),
                "header name '" + token.Text + "' contains '" + token.Text[bad] + "'; header names use letters, digits and !#$%&'*+-.^_`|~");
            return null;
        }

        return token.Text;
    }

    /// <summary>Reads a header value (a word or a string) without line breaks or other control characters but tab
    /// (RFC 9110 §5.5), so that no route file can split a header.</summary>
    public static string? HeaderValue(DiagnosticBag diagnostics, Token token)
    {
        var value = token.Value;
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsControl(value[i]) && value[i] != '\t')
            {
                diagnostics.Error(
                    DiagnosticCode.InvalidHeaderValue,
                    Gateway.Dsl.Text.TextSpan.FromBounds(token.SourceOffsetOf(i), token.SourceOffsetOf(i + 1)),
                    "header value contains a control character (U+" + ((int)value[i]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + "); header values are one line of text");
                return null;
            }
        }

        return value;
    }

    /// <summary>Reads a file path (a word or a string); any non-empty text is accepted, since it names a file in the
    /// gateway's container, not on the build machine.</summary>
    public static string? FilePath(DiagnosticBag diagnostics, Token token, string what)
    {
        if (token.Value.Length == 0)
        {
            diagnostics.Error(DiagnosticCode.MissingArgument, token.Span, what + " is empty; write the path of the file, e.g. '/etc/gateway/keys'");
            return null;
        }

        return token.Value;
    }
}
