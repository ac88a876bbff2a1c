using System.Globalization;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;

namespace Gateway.Dsl.Semantics;

/// <summary>A route's <c>mirror UPSTREAM P%</c>.</summary>
internal sealed partial class RouteChecker
{
    private (TrafficMirror Mirror, DirectiveSyntax Line)? _mirror;

    /// <summary>Reads <c>mirror UPSTREAM P%</c>; whether the route forwards is checked once the whole block is read.</summary>
    private void ReadMirror(DirectiveSyntax directive)
    {
        // 'mirror 10% users-v2' is the likeliest slip; its fix is the swap, not an upstream named '10%'.
        var first = directive.Arguments[0].Text;
        if (first.EndsWith("%", System.StringComparison.Ordinal) && !directive.Arguments[1].Text.EndsWith("%", System.StringComparison.Ordinal))
        {
            _diagnostics.Error(DiagnosticCode.InvalidMirror, directive.Arguments[0].Span, "the upstream comes first; write 'mirror " + directive.Arguments[1].Text + " " + first + "'");
            return;
        }

        var upstream = ReadUpstreamName(directive.Arguments[0]);
        var percent = ReadPercent(directive.Arguments[1]);
        if (upstream is not null && percent is not null)
        {
            _mirror = (new TrafficMirror { Upstream = upstream, Percent = percent.Value }, directive);
        }
    }

    /// <summary>Reads a whole percentage from <c>1%</c> to <c>100%</c>; reports and returns null otherwise.</summary>
    private int? ReadPercent(Token token)
    {
        if (!TokenChecks.RequireWord(_diagnostics, token, "a percentage"))
        {
            return null;
        }

        var text = token.Text;
        if (Units.TryParsePercent(text, out var percent))
        {
            return percent;
        }

        var digits = text.EndsWith("%", System.StringComparison.Ordinal) ? text.Substring(0, text.Length - 1) : null;
        if (digits is null || digits.Length == 0 || !NameRules.AllDigits(digits))
        {
            var hint = NameRules.AllDigits(text) ? "write '" + text + "%'" : "write a whole percentage from 1% to 100%, e.g. 'mirror users-shadow 10%'";
            _diagnostics.Error(DiagnosticCode.InvalidMirror, token.Span, "mirror share '" + text + "' is not a percentage; " + hint);
            return null;
        }

        _diagnostics.Error(DiagnosticCode.InvalidMirror, token.Span, "mirror share '" + text + "' is outside 1% to 100%; write e.g. 'mirror users-shadow 10%'");
        return null;
    }

    /// <summary>Puts the mirror into a forwarding action; a route that answers itself has no upstream request to copy.</summary>
    private void AttachMirror()
    {
        if (_mirror is not { } mirror)
        {
            return;
        }

        if (_action is not null && _action.Name != "to")
        {
            _diagnostics.Error(
                DiagnosticCode.InvalidMirror,
                mirror.Line.Keyword.Span,
                "'mirror' copies forwarded requests, and this route has '" + _action.Name + "'; use 'to UPSTREAM' or remove 'mirror'");
            return;
        }

        if (_actionModel is not null)
        {
            _actionModel = _actionModel with { Mirror = mirror.Mirror };
        }
    }
}
