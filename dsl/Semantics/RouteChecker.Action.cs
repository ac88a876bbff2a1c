using System.Globalization;
using System.Linq;
using Gateway.Dsl.Collections;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;

namespace Gateway.Dsl.Semantics;

/// <summary>The action of a route: <c>to UPSTREAM</c>, <c>respond STATUS ["BODY" [TYPE]]</c> or <c>redirect …</c>.</summary>
internal sealed partial class RouteChecker
{
    /// <summary>Reads <c>to UPSTREAM</c>, or a weighted split <c>to UPSTREAM WEIGHT UPSTREAM WEIGHT …</c>; every upstream
    /// must be defined somewhere in the file.</summary>
    private void ReadTo(DirectiveSyntax directive)
    {
        if (directive.Arguments.Count == 1)
        {
            if (ReadUpstreamName(directive.Arguments[0]) is { } name)
            {
                _actionModel = new RouteAction { Kind = RouteActionKind.Forward, Upstream = name };
            }

            return;
        }

        ReadSplit(directive.Arguments);
    }

    /// <summary>Reads a word that names a defined upstream; reports and returns null otherwise.</summary>
    private string? ReadUpstreamName(Token token)
    {
        if (!TokenChecks.RequireWord(_diagnostics, token, "an upstream name"))
        {
            return null;
        }

        // Upstream names are case-sensitive, like route names: the keys of the checker's ordinal dictionary.
        var name = token.Text;
        if (!_upstreams.Contains(name))
        {
            // A near name is most likely a typo; with none, the author probably forgot to define the upstream.
            var suggestion = NameSuggester.Suggest(name, _upstreams);
            var hint = suggestion is null ? "; define it with 'upstream " + name + " { endpoints … }'" : "; did you mean '" + suggestion + "'?";
            _diagnostics.Error(DiagnosticCode.UndefinedUpstream, token.Span, "upstream '" + name + "' is not defined" + hint);
            return null;
        }

        return name;
    }

    /// <summary>Reads <c>respond STATUS ["BODY" [TYPE]]</c>; runs after the whole block so the path's captures are known.</summary>
    private void ReadRespond(DirectiveSyntax directive)
    {
        var status = ReadStatus(directive.Arguments[0]);

        // A 1xx is never a final response, and a redirect without Location leaves the client nowhere to go.
        if (status is >= 100 and < 200)
        {
            _diagnostics.Error(DiagnosticCode.InvalidStatus, directive.Arguments[0].Span, "status '" + status + "' is informational and never a final response; use 200 to 599");
            status = null;
        }
        else if (status is 301 or 302 or 303 or 307 or 308)
        {
            _diagnostics.Error(DiagnosticCode.InvalidStatus, directive.Arguments[0].Span, "'respond " + status + "' sends no Location; write 'redirect " + status + " path /new/place' instead");
            status = null;
        }

        var contentType = RouteAction.DefaultContentType;
        if (directive.Arguments.Count > 2)
        {
            contentType = ReadContentType(directive.Arguments[2]) ?? contentType;
        }

        // No body means an empty response body; the gateway still sends the status.
        var body = EquatableArray<TemplatePart>.Empty;
        if (directive.Arguments.Count > 1)
        {
            var token = directive.Arguments[1];

            // Bodies are always quoted so that spaces, '#' and braces in them read unambiguously.
            if (token.Kind != TokenKind.String)
            {
                _diagnostics.Error(DiagnosticCode.ExpectedString, token.Span, "body must be a quoted string; write '\"" + token.Text + "\"'");
                return;
            }

            body = BodyTemplateReader.Read(_diagnostics, token, _path);
        }

        // Without a valid status there is no action to build; the error has been reported.
        if (status is not null)
        {
            _actionModel = new RouteAction { Kind = RouteActionKind.Respond, Status = status.Value, Body = body, ContentType = contentType };
        }
    }

    /// <summary>Reads a media type, <c>type/subtype</c> with optional <c>; parameters</c> (RFC 9110 §8.3.1).</summary>
    private string? ReadContentType(Token token)
    {
        var text = token.Value;
        var semicolon = text.IndexOf(';');
        var essence = (semicolon < 0 ? text : text.Substring(0, semicolon)).Trim();
        var slash = essence.IndexOf('/');
        var valid = slash > 0 && slash < essence.Length - 1
            && NameRules.FirstNonTokenChar(essence.Substring(0, slash)) < 0 && NameRules.FirstNonTokenChar(essence.Substring(slash + 1)) < 0;
        foreach (var c in text)
        {
            valid &= !char.IsControl(c);
        }

        if (!valid)
        {
            _diagnostics.Error(DiagnosticCode.InvalidContentType, token.Span, "content type '" + text + "' is not 'type/subtype'; write e.g. 'application/json'");
            return null;
        }

        return text;
    }

    /// <summary>Reads a status code from 100 to 599; reports and returns null otherwise.</summary>
    private int? ReadStatus(Token token)
    {
        if (!TokenChecks.RequireWord(_diagnostics, token, "a status code"))
        {
            return null;
        }

        // Digits only: '+200' or '2e2' would parse as numbers but are not status codes anyone writes.
        if (!NameRules.AllDigits(token.Text))
        {
            _diagnostics.Error(DiagnosticCode.InvalidStatus, token.Span, "status '" + token.Text + "' is not a number; write a status code from 100 to 599, e.g. 'respond 404'");
            return null;
        }

        // More than three digits cannot be a status and could overflow int.Parse.
        var status = token.Text.Length > 3 ? -1 : int.Parse(token.Text, CultureInfo.InvariantCulture);
        if (status is < 100 or > 599)
        {
            _diagnostics.Error(DiagnosticCode.InvalidStatus, token.Span, "status '" + token.Text + "' is out of range; use 100 to 599");
            return null;
        }

        return status;
    }
}
