using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;

namespace Gateway.Dsl.Semantics;

/// <summary>Reads one pattern of a <c>host</c> directive: <c>api.example.com</c> or <c>*.example.org</c>.</summary>
internal static class HostPatternReader
{
    /// <summary>Checks <paramref name="token"/> and returns the pattern in lower case, or null after reporting what is wrong.</summary>
    public static HostPattern? Read(DiagnosticBag diagnostics, Token token)
    {
        if (!TokenChecks.RequireWord(diagnostics, token, "a host pattern"))
        {
            return null;
        }

        // Host names compare case-insensitively (RFC 9110 §4.2.3), so the model keeps one spelling.
        var text = token.Text.ToLowerInvariant();

        // A bare '*' would match every host, which is what leaving 'host' out already means.
        if (text == "*")
        {
            diagnostics.Error(DiagnosticCode.InvalidHost, token.Span, "host '*' is not a pattern; omit 'host' to match any host, or write '*.example.org'");
            return null;
        }

        // Only a leading '*.' is a wildcard; the model stores the suffix without it.
        var wildcard = text.StartsWith("*.", System.StringComparison.Ordinal);
        var offset = wildcard ? 2 : 0;
        var host = text.Substring(offset);

        // Matching ignores the request's port, so a port here would silently never take effect.
        var colon = host.IndexOf(':');
        if (colon >= 0 && host.IndexOf('[') < 0)
        {
            var port = TokenChecks.Inside(token, offset + colon, host.Length - colon);
            diagnostics.Error(
                DiagnosticCode.HostWithPort,
                port,
                "host '" + token.Text + "' has a port; write '" + token.Text.Substring(0, offset + colon) + "' (the request's port is ignored when matching hosts)");
            return null;
        }

        // '*.' alone has a wildcard but no domain to anchor it.
        if (host.Length == 0)
        {
            diagnostics.Error(DiagnosticCode.InvalidHost, token.Span, "host '" + token.Text + "' has no domain; write '*.example.org'");
            return null;
        }

        // One pass reports the first bad character with a span on it; later ones would only repeat the message.
        for (var i = 0; i < host.Length; i++)
        {
            var c = host[i];
            if (c == '*')
            {
                diagnostics.Error(DiagnosticCode.InvalidHost, TokenChecks.Inside(token, offset + i, 1), "'*' may only start a host pattern, followed by '.'; write '*.example.org'");
                return null;
            }

            // An empty label: leading, trailing or doubled dot. A trailing dot (the DNS root) is not used in Host headers.
            if (c == '.' && (i == 0 || i == host.Length - 1 || host[i - 1] == '.'))
            {
                diagnostics.Error(DiagnosticCode.InvalidHost, TokenChecks.Inside(token, offset + i, 1), "host '" + token.Text + "' has an empty label; remove the extra '.'");
                return null;
            }

            if (!NameRules.IsHostChar(c))
            {
                diagnostics.Error(
                    DiagnosticCode.InvalidHost,
                    TokenChecks.Inside(token, offset + i, 1),
                    "host '" + token.Text + "' contains '" + c + "'; host names use letters, digits, '-' and '.'");
                return null;
            }
        }

        // IPv4 literals pass the label rule too, so 'host 10.0.0.5' works without a special case.
        return new HostPattern { Host = host, IsWildcard = wildcard };
    }
}
