using System;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Syntax;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Semantics;

/// <summary>Reads one URL of an <c>endpoints</c> directive.</summary>
/// <remarks>Every "write 'X'" in a message is a whole endpoint that checks clean: a suggestion is tried with this reader
/// before it is offered, and the message names the expected form instead when the fix cannot be guessed.</remarks>
internal static class EndpointReader
{
    private const string Form = "use the form 'http://HOST:PORT'";

    /// <summary>Checks <paramref name="token"/>; returns the normalized URI used to find duplicates, or null after
    /// reporting what is wrong.</summary>
    /// <remarks>The model keeps the endpoint as written; the normalized form only compares endpoints, so that
    /// <c>http://a:80</c> and <c>http://A/</c> count as the same one.</remarks>
    public static string? Read(DiagnosticBag diagnostics, Token token)
    {
        if (!TokenChecks.RequireWord(diagnostics, token, "an endpoint URL"))
        {
            return null;
        }

        var text = token.Text;
        var separator = text.IndexOf("://", StringComparison.Ordinal);
        if (separator < 0)
        {
            ReportMissingSeparator(diagnostics, token);
            return null;
        }

        // 'htp://x' is a typo and 'ftp://x' another protocol; either way the fix keeps everything after the scheme.
        var scheme = text.Substring(0, separator);
        if (!IsHttpScheme(scheme))
        {
            var fix = NearestHttpScheme(scheme) + text.Substring(separator);
            diagnostics.Error(
                DiagnosticCode.InvalidEndpoint,
                TokenChecks.Inside(token, 0, separator),
                "endpoint '" + text + "' has scheme '" + scheme + "'; the gateway forwards over http or https only, so " + Suggest(fix));
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            diagnostics.Error(DiagnosticCode.InvalidEndpoint, token.Span, "endpoint '" + text + "' is not an absolute http or https URL; " + Form);
            return null;
        }

        // The gateway appends the request's own path and query, so an endpoint carries neither query nor fragment.
        var query = text.IndexOf('?');
        var fragment = text.IndexOf('#');
        if (query >= 0 || fragment >= 0)
        {
            var at = query >= 0 && (fragment < 0 || query < fragment) ? query : fragment;
            var what = text[at] == '?' ? "a query" : "a fragment";
            diagnostics.Error(DiagnosticCode.InvalidEndpoint, TokenChecks.Inside(token, at, text.Length - at), "endpoint '" + text + "' has " + what + "; remove '" + text.Substring(at) + "'");
            return null;
        }

        // Route files are reviewed in pull requests and stored in ConfigMaps: no place for secrets.
        if (uri.UserInfo.Length > 0)
        {
            diagnostics.Error(DiagnosticCode.InvalidEndpoint, token.Span, "endpoint '" + text + "' has user info; remove '" + uri.UserInfo + "@' (credentials do not belong in the route file)");
            return null;
        }

        return uri.AbsoluteUri.TrimEnd('/');
    }

    /// <summary>Reports an endpoint without <c>://</c>: a scheme with a mangled separator (<c>http:/x</c>, <c>http:x</c>)
    /// or no scheme at all (<c>127.0.0.1:5001</c>).</summary>
    private static void ReportMissingSeparator(DiagnosticBag diagnostics, Token token)
    {
        var text = token.Text;

        // 'localhost:5001' and 'http:8080' are host and port; 'http:/x' and 'htp:x' are a scheme missing its slashes.
        var colon = text.IndexOf(':');
        if (colon > 0)
        {
            var scheme = text.Substring(0, colon);
            var rest = text.Substring(colon + 1).TrimStart('/');
            if (LooksLikeHttpScheme(scheme) && !NameRules.AllDigits(rest))
            {
                diagnostics.Error(
                    DiagnosticCode.InvalidEndpoint,
                    TokenChecks.Inside(token, 0, text.Length - rest.Length),
                    "endpoint '" + text + "' needs '://' after the scheme; " + Suggest(NearestHttpScheme(scheme) + "://" + rest));
                return;
            }
        }

        diagnostics.Error(DiagnosticCode.InvalidEndpoint, token.Span, "endpoint '" + text + "' has no scheme; " + Suggest("http://" + text));
    }

    /// <summary><c>write 'FIX'</c> when <paramref name="fix"/> checks clean, else the form to follow.</summary>
    private static string Suggest(string fix)
    {
        var scratch = new DiagnosticBag(new SourceText(fix, string.Empty));
        var clean = Read(scratch, new Token(TokenKind.Word, new TextSpan(0, fix.Length), fix, fix)) is not null && !scratch.HasErrors;
        return clean ? "write '" + fix + "'" : Form;
    }

    /// <summary>Whether <paramref name="scheme"/> is http or https; schemes are case-insensitive (RFC 3986, section 3.1).</summary>
    private static bool IsHttpScheme(string scheme) =>
        scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="scheme"/> is http, https or within two edits of one (<c>htp</c>, <c>htps</c>).</summary>
    private static bool LooksLikeHttpScheme(string scheme)
    {
        var lower = scheme.ToLowerInvariant();
        return NameSuggester.Distance(lower, "http") <= NameSuggester.MaxDistance || NameSuggester.Distance(lower, "https") <= NameSuggester.MaxDistance;
    }

    /// <summary><c>https</c> when <paramref name="scheme"/> is https or closer to it (<c>htps</c>), else <c>http</c>.</summary>
    private static string NearestHttpScheme(string scheme)
    {
        var lower = scheme.ToLowerInvariant();
        if (IsHttpScheme(lower))
        {
            return lower;
        }

        var toHttp = NameSuggester.Distance(lower, "http");
        var toHttps = NameSuggester.Distance(lower, "https");
        return toHttps < toHttp || (toHttps == toHttp && lower.EndsWith("s", StringComparison.Ordinal)) ? "https" : "http";
    }
}
