using System.Collections.Generic;
using System.Globalization;
using Gateway.Dsl.Collections;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;

namespace Gateway.Dsl.Semantics;

/// <summary>The <c>redirect</c> action: <c>redirect STATUS PART VALUE…</c> or the shorthand <c>redirect https [STATUS]</c>.</summary>
internal sealed partial class RouteChecker
{
    private static readonly string[] RedirectParts = { "scheme", "host", "port", "path" };
    private static readonly string[] Schemes = { "http", "https" };

    /// <summary>Reads the redirect once the path's captures are known.</summary>
    /// <remarks><c>redirect https</c> answers 308 by default: unlike 301, it keeps the method and body (RFC 9110 §15.4.9),
    /// which matters for API clients that POST.</remarks>
    private void ReadRedirect(DirectiveSyntax directive)
    {
        var arguments = directive.Arguments;
        if (arguments[0].IsWord("https"))
        {
            var shortStatus = arguments.Count > 1 ? ReadRedirectStatus(arguments[1]) : 308;
            if (arguments.Count > 2)
            {
                ReportRedirect(arguments[2], "unexpected '" + arguments[2].Text + "'; the shorthand is 'redirect https' or 'redirect https 301'");
            }
            else if (shortStatus is { } s)
            {
                _actionModel = new RouteAction { Kind = RouteActionKind.Redirect, Status = s, Redirect = new RedirectTarget { Status = s, Scheme = "https" } };
            }

            return;
        }

        var status = ReadRedirectStatus(arguments[0]);
        if (arguments.Count == 1)
        {
            ReportRedirect(arguments[0], "'redirect " + arguments[0].Text + "' changes nothing; add what to change, as in 'redirect " + arguments[0].Text + " path /new' or 'redirect https'");
            return;
        }

        string? scheme = null;
        string? host = null;
        int? port = null;
        var path = EquatableArray<TemplatePart>.Empty;
        var seen = new HashSet<string>();
        var valid = status is not null;
        for (var i = 1; i < arguments.Count; i += 2)
        {
            var part = ValueReader.Choice(_diagnostics, arguments[i], "redirect part", RedirectParts);
            if (part < 0)
            {
                valid = false;
                continue;
            }

            if (!seen.Add(RedirectParts[part]))
            {
                ReportRedirect(arguments[i], "'" + RedirectParts[part] + "' is given twice; keep one");
                valid = false;
                continue;
            }

            if (i + 1 >= arguments.Count)
            {
                ReportRedirect(arguments[i], "'" + RedirectParts[part] + "' needs a value, as in 'redirect 301 " + RedirectParts[part] + " " + Example(part) + "'");
                valid = false;
                break;
            }

            var value = arguments[i + 1];
            switch (part)
            {
                case 0:
                    var chosen = ValueReader.Choice(_diagnostics, value, "scheme", Schemes);
                    valid &= chosen >= 0;
                    scheme = chosen >= 0 ? Schemes[chosen] : null;
                    break;
                case 1:
                    host = ReadRedirectHost(value);
                    valid &= host is not null;
                    break;
                case 2:
                    port = ReadRedirectPort(value);
                    valid &= port is not null;
                    break;
                default:
                    path = ReadRedirectPath(value);
                    valid &= path.Count > 0;
                    break;
            }
        }

        if (valid)
        {
            _actionModel = new RouteAction
            {
                Kind = RouteActionKind.Redirect,
                Status = status!.Value,
                Redirect = new RedirectTarget { Status = status.Value, Scheme = scheme, Host = host, Port = port, Path = path },
            };
        }
    }

    /// <summary>Reads 301, 302, 303, 307 or 308.</summary>
    private int? ReadRedirectStatus(Token token)
    {
        if (token.Kind == TokenKind.Word && token.Text is "301" or "302" or "303" or "307" or "308")
        {
            return int.Parse(token.Text, CultureInfo.InvariantCulture);
        }

        ReportRedirect(token, "'" + token.Text + "' is not a redirect status; use 301, 302, 303, 307 or 308 (or 'redirect https')");
        return null;
    }

    /// <summary>Reads a host name for the Location header, in lower case.</summary>
    private string? ReadRedirectHost(Token token)
    {
        var text = token.Text;
        var valid = token.Kind == TokenKind.Word && text.Length > 0 && text[0] != '.' && text[0] != '-' && text[text.Length - 1] != '.';
        foreach (var c in text)
        {
            valid &= NameRules.IsHostChar(c);
        }

        if (!valid)
        {
            ReportRedirect(token, "'" + text + "' is not a host name; write e.g. 'host www.example.com' (the port goes in 'port')");
            return null;
        }

        return text.ToLowerInvariant();
    }

    /// <summary>Reads a port from 1 to 65535.</summary>
    private int? ReadRedirectPort(Token token)
    {
        if (token.Kind == TokenKind.Word && NameRules.AllDigits(token.Text) && token.Text.Length <= 5
            && int.Parse(token.Text, CultureInfo.InvariantCulture) is >= 1 and <= 65535 and var port)
        {
            return port;
        }

        _diagnostics.Error(DiagnosticCode.InvalidPort, token.Span, "port '" + token.Text + "' is not a port; use 1 to 65535");
        return null;
    }

    /// <summary>Reads a path template with captures for the Location header.</summary>
    private EquatableArray<TemplatePart> ReadRedirectPath(Token token)
    {
        if (token.Value.Length == 0 || token.Value[0] != '/' || token.Value.IndexOfAny(new[] { '?', '#' }) >= 0)
        {
            ReportRedirect(token, "redirect path '" + token.Value + "' must start with '/' and hold no query or fragment (the request's query string is kept)");
            return EquatableArray<TemplatePart>.Empty;
        }

        return BodyTemplateReader.Read(_diagnostics, token, _path, "redirect path");
    }

    private void ReportRedirect(Token token, string message) => _diagnostics.Error(DiagnosticCode.InvalidRedirect, token.Span, message);

    private static string Example(int part) => part switch
    {
        0 => "https",
        1 => "www.example.com",
        2 => "8443",
        _ => "/new",
    };
}
