using System;
using System.Globalization;
using System.Linq;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;

namespace Gateway.Dsl.Semantics;

/// <summary>A route's <c>mirror UPSTREAM [P%]</c>.</summary>
internal sealed partial class RouteChecker
{
    private MirrorTarget? _mirror;
    private Token? _mirrorName;

    /// <summary>Reads <c>mirror UPSTREAM [P%]</c>: a defined upstream, and a share from 1% to 100% (100% when left out).</summary>
    private void ReadMirror(DirectiveSyntax directive)
    {
        var name = directive.Arguments[0];
        if (!TokenChecks.RequireWord(_diagnostics, name, "an upstream name"))
        {
            return;
        }

        if (!_upstreams.Contains(name.Text))
        {
            var suggestion = NameSuggester.Suggest(name.Text, _upstreams);
            var hint = suggestion is null ? "; define it with 'upstream " + name.Text + " { endpoints … }'" : "; did you mean '" + suggestion + "'?";
            _diagnostics.Error(DiagnosticCode.UndefinedUpstream, name.Span, "upstream '" + name.Text + "' is not defined" + hint);
            return;
        }

        var percent = 100;
        if (directive.Arguments.Count > 1)
        {
            var share = directive.Arguments[1].Text;
            if (!share.EndsWith("%", StringComparison.Ordinal)
                || !int.TryParse(share.Substring(0, share.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out percent) || percent < 1 || percent > 100)
            {
                _diagnostics.Error(DiagnosticCode.InvalidMirror, directive.Arguments[1].Span, "mirror share '" + share + "' is not from 1% to 100%; write the share of requests copied, e.g. 'mirror " + name.Text + " 10%'");
                return;
            }
        }

        _mirror = new MirrorTarget { Upstream = name.Text, Percent = percent };
        _mirrorName = name;
    }

    /// <summary>Reports a mirror to the upstream the route forwards to: every sampled request would reach it twice.</summary>
    private void CheckMirror()
    {
        if (_mirror is { } mirror && _mirrorName is { } name && _actionModel is { Kind: RouteActionKind.Forward } action && action.Upstream == mirror.Upstream)
        {
            _diagnostics.Error(DiagnosticCode.InvalidMirror, name.Span, "route '" + _name + "' mirrors to '" + mirror.Upstream + "', which it already forwards to, so each copied request would reach it twice; mirror to a shadow upstream");
        }
        else if (_mirror is not null && _actionModel is { Kind: not RouteActionKind.Forward } && _mirrorName is { } token)
        {
            _diagnostics.Error(DiagnosticCode.InvalidMirror, token.Span, "route '" + _name + "' answers itself ('respond' or 'redirect'), so there is no forwarded request to mirror; remove 'mirror'");
        }
    }
}
