using System;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Syntax;

namespace Gateway.Dsl.Semantics;

/// <summary>Reads one URL of an <c>endpoints</c> directive.</summary>
internal static class EndpointReader
{
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

        // 'host:port' without a scheme is the most common slip; suggest the fix verbatim.
        if (text.IndexOf("://", StringComparison.Ordinal) < 0)
        {
            diagnostics.Error(DiagnosticCode.InvalidEndpoint, token.Span, "endpoint '" + text + "' has no scheme; write 'http://" + text + "'");
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https") || uri.Host.Length == 0
            || !(text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            diagnostics.Error(DiagnosticCode.InvalidEndpoint, token.Span, "endpoint '" + text + "' is not an absolute http or https URL; write 'http://HOST:PORT'");
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
}
