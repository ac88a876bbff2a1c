using System.Globalization;
using Gateway.Dsl.Collections;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;

namespace Gateway.Dsl.Semantics;

/// <summary>The action of a route: <c>to UPSTREAM</c> or <c>respond STATUS ["BODY"]</c>.</summary>
internal sealed partial class RouteChecker
{
    private void ReadTo(Token token)
    {
        if (!TokenChecks.RequireWord(_diagnostics, token, "an upstream name"))
        {
            return;
        }

        var name = token.Text;
        var known = false;
        foreach (var upstream in _upstreams)
        {
            known |= upstream == name;
        }

        if (!known)
        {
            var suggestion = NameSuggester.Suggest(name, _upstreams);
            var hint = suggestion is null ? "; define it with 'upstream " + name + " { endpoints … }'" : "; did you mean '" + suggestion + "'?";
            _diagnostics.Error(DiagnosticCode.UndefinedUpstream, token.Span, "upstream '" + name + "' is not defined" + hint);
            return;
        }

        _actionModel = new RouteAction { Kind = RouteActionKind.Forward, Upstream = name };
    }

    private void ReadRespond(DirectiveSyntax directive)
    {
        var status = ReadStatus(directive.Arguments[0]);
        var body = EquatableArray<TemplatePart>.Empty;
        if (directive.Arguments.Count > 1)
        {
            var token = directive.Arguments[1];
            if (token.Kind != TokenKind.String)
            {
                _diagnostics.Error(DiagnosticCode.ExpectedString, token.Span, "body must be a quoted string; write '\"" + token.Text + "\"'");
                return;
            }

            body = BodyTemplateReader.Read(_diagnostics, token, _path);
        }

        if (status is not null)
        {
            _actionModel = new RouteAction { Kind = RouteActionKind.Respond, Status = status.Value, Body = body };
        }
    }

    private int? ReadStatus(Token token)
    {
        if (!TokenChecks.RequireWord(_diagnostics, token, "a status code"))
        {
            return null;
        }

        if (!NameRules.AllDigits(token.Text))
        {
            _diagnostics.Error(DiagnosticCode.InvalidStatus, token.Span, "status '" + token.Text + "' is not a number; write a status code from 100 to 599, e.g. 'respond 404'");
            return null;
        }

        if (token.Text.Length > 3 || int.Parse(token.Text, CultureInfo.InvariantCulture) is < 100 or > 599)
        {
            _diagnostics.Error(DiagnosticCode.InvalidStatus, token.Span, "status '" + token.Text + "' is out of range; use 100 to 599");
            return null;
        }

        return int.Parse(token.Text, CultureInfo.InvariantCulture);
    }
}
