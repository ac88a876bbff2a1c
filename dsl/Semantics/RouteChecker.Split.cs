using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Gateway.Dsl.Collections;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Semantics;

/// <summary>A route's weighted split (<c>to a 90 b 10</c>) and the lines that refine it: <c>sticky by …</c> and
/// <c>pin UPSTREAM header|cookie NAME VALUE</c>.</summary>
internal sealed partial class RouteChecker
{
    private static readonly string[] StickyKinds = { "header", "cookie", "client_ip", "claim" };
    private static readonly string[] PinSources = { "header", "cookie" };

    private (StickyKey Key, DirectiveSyntax Line)? _sticky;
    private readonly List<(UpstreamPin Pin, DirectiveSyntax Line)> _pins = new();

    /// <summary>Reads the pairs of a split; builds the action only when every pair is valid.</summary>
    private void ReadSplit(IReadOnlyList<Token> arguments)
    {
        var split = new List<WeightedUpstream>();
        var named = new Dictionary<string, Token>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < arguments.Count; i++)
        {
            var nameToken = arguments[i];
            var name = ReadUpstreamName(nameToken);
            ok &= name is not null;

            // A name where the weight belongs is the next side of the split, so only this side's weight is missing:
            // 'to a b 10' reports 'a' and still reads 'b 10'.
            if (i + 1 >= arguments.Count || LooksLikeName(arguments[i + 1]))
            {
                _diagnostics.Error(
                    DiagnosticCode.MissingWeight,
                    nameToken.Span,
                    "upstream '" + nameToken.Text + "' in the split has no weight; write a whole number from 1 to " + WeightedUpstream.MaxWeight
                        + " after each upstream, e.g. 'to users-v1 90 users-v2 10'");
                ok = false;
                continue;
            }

            var weight = ReadWeight(arguments[++i]);
            ok &= weight is not null;
            if (name is null)
            {
                continue;
            }

            if (named.TryGetValue(name, out var earlier))
            {
                _diagnostics.Error(
                    DiagnosticCode.DuplicateSplitUpstream,
                    nameToken.Span,
                    "upstream '" + name + "' is already in the split with weight " + arguments[IndexOf(arguments, earlier) + 1].Text
                        + "; name each upstream once, with the sum of its weights");
                ok = false;
                continue;
            }

            named.Add(name, nameToken);
            if (weight is not null)
            {
                split.Add(new WeightedUpstream { Upstream = name, Weight = weight.Value });
            }
        }

        if (ok)
        {
            _actionModel = new RouteAction { Kind = RouteActionKind.Forward, Upstream = split[0].Upstream, Split = split.ToEquatableArray() };
        }
    }

    /// <summary>Whether <paramref name="token"/> reads as an upstream name rather than as a weight: names start with a
    /// letter or '_' (<see cref="NameRules.IsBlockName"/>), weights with a digit or a sign.</summary>
    private static bool LooksLikeName(Token token) =>
        token.Kind == TokenKind.Word && token.Text.Length > 0 && (NameRules.IsAsciiLetter(token.Text[0]) || token.Text[0] == '_');

    /// <summary>The position of <paramref name="token"/> among <paramref name="arguments"/>.</summary>
    private static int IndexOf(IReadOnlyList<Token> arguments, Token token)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].Span == token.Span)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Reads a weight, a whole number from 1 to <see cref="WeightedUpstream.MaxWeight"/>; reports and returns null
    /// otherwise.</summary>
    private int? ReadWeight(Token token)
    {
        if (!TokenChecks.RequireWord(_diagnostics, token, "a weight"))
        {
            return null;
        }

        var text = token.Text;
        var fix = "; write a whole number from 1 to " + WeightedUpstream.MaxWeight + ", e.g. 'to users-v1 90 users-v2 10'";
        if (text.Length > 1 && text[0] == '-' && NameRules.AllDigits(text.Substring(1)))
        {
            _diagnostics.Error(DiagnosticCode.InvalidSplitWeight, token.Span, "weight '" + text + "' is negative" + fix);
            return null;
        }

        if (!NameRules.AllDigits(text))
        {
            _diagnostics.Error(DiagnosticCode.InvalidSplitWeight, token.Span, "weight '" + text + "' is not a whole number" + fix);
            return null;
        }

        // Leading zeros are allowed ('010'); more than five significant digits is above the limit and could overflow int.
        var digits = text.TrimStart('0');
        var weight = digits.Length == 0 ? 0 : digits.Length > 5 ? int.MaxValue : int.Parse(digits, CultureInfo.InvariantCulture);
        if (weight == 0)
        {
            _diagnostics.Error(DiagnosticCode.InvalidSplitWeight, token.Span, "weight '" + text + "' sends no requests; write a whole number from 1 to "
                + WeightedUpstream.MaxWeight + ", or remove the upstream from the split");
            return null;
        }

        if (weight > WeightedUpstream.MaxWeight)
        {
            _diagnostics.Error(DiagnosticCode.InvalidSplitWeight, token.Span, "weight '" + text + "' is above " + WeightedUpstream.MaxWeight
                + "; scale the split's weights down, e.g. 'to users-v1 90 users-v2 10'");
            return null;
        }

        return weight;
    }

    /// <summary>Reads <c>sticky by header NAME|cookie NAME|client_ip|claim NAME</c>; whether the route has a split is
    /// checked once the whole block is read.</summary>
    private void ReadSticky(DirectiveSyntax directive)
    {
        var arguments = directive.Arguments;
        if (!arguments[0].IsWord("by"))
        {
            _diagnostics.Error(DiagnosticCode.UnexpectedArgument, arguments[0].Span, "expected 'by' after 'sticky'; write e.g. 'sticky by header X-User-Id'");
            return;
        }

        var kind = ValueReader.Choice(_diagnostics, arguments[1], "sticky key", StickyKinds);
        if (kind < 0)
        {
            return;
        }

        var stickyKind = (StickyKeyKind)kind;
        string? name = null;
        if (stickyKind == StickyKeyKind.ClientIp)
        {
            if (arguments.Count > 2)
            {
                _diagnostics.Error(DiagnosticCode.UnexpectedArgument, arguments[2].Span, "unexpected '" + arguments[2].Text + "'; 'sticky by client_ip' takes no name");
                return;
            }
        }
        else
        {
            if (arguments.Count < 3)
            {
                _diagnostics.Error(DiagnosticCode.MissingArgument, arguments[1].Span, "'sticky by " + arguments[1].Text + "' needs a name; write e.g. 'sticky by "
                    + arguments[1].Text + " " + (stickyKind == StickyKeyKind.Header ? "X-User-Id" : stickyKind == StickyKeyKind.Cookie ? "session" : "sub") + "'");
                return;
            }

            name = stickyKind switch
            {
                StickyKeyKind.Header => ValueReader.HeaderName(_diagnostics, arguments[2]),
                StickyKeyKind.Cookie => ReadCookieName(arguments[2]),
                _ => arguments[2].Value,
            };
            if (name is null)
            {
                return;
            }
        }

        _sticky = (new StickyKey { Kind = stickyKind, Name = name }, directive);
    }

    /// <summary>Reads <c>pin UPSTREAM header|cookie NAME VALUE</c>; whether the upstream is one of the split's is checked
    /// once the whole block is read.</summary>
    private void ReadPin(DirectiveSyntax directive)
    {
        var arguments = directive.Arguments;
        var upstream = ReadUpstreamName(arguments[0]);
        var source = ValueReader.Choice(_diagnostics, arguments[1], "pin source", PinSources);
        if (upstream is null || source < 0)
        {
            return;
        }

        var name = source == (int)PinSource.Header ? ValueReader.HeaderName(_diagnostics, arguments[2]) : ReadCookieName(arguments[2]);
        var value = ValueReader.HeaderValue(_diagnostics, arguments[3]);
        if (name is null || value is null)
        {
            return;
        }

        _pins.Add((new UpstreamPin { Upstream = upstream, Source = (PinSource)source, Name = name, Value = value }, directive));
    }

    /// <summary>Reads a cookie name, an RFC 6265 §4.1.1 token.</summary>
    private string? ReadCookieName(Token token)
    {
        if (!TokenChecks.RequireWord(_diagnostics, token, "a cookie name"))
        {
            return null;
        }

        var bad = NameRules.FirstNonTokenChar(token.Text);
        if (bad >= 0)
        {
            _diagnostics.Error(
                DiagnosticCode.InvalidName,
                TokenChecks.Inside(token, bad, 1),
                "cookie name '" + token.Text + "' contains '" + token.Text[bad] + "'; cookie names use letters, digits and !#$%&'*+-.^_`|~");
            return null;
        }

        return token.Text;
    }

    /// <summary>Puts the sticky key and the pins into the split, once the whole block is read: they need one, and each
    /// pin's upstream must be one of its sides.</summary>
    private void AttachSplitRules()
    {
        if (_sticky is null && _pins.Count == 0)
        {
            return;
        }

        // A 'to' with errors may well have been meant as a split: what it lacks is reported there, not again here.
        var hasSplit = _action is { Name: "to" } && _action.Arguments.Count > 1;
        if (!hasSplit)
        {
            if (_action is not null)
            {
                var line = _sticky?.Line ?? _pins[0].Line;
                _diagnostics.Error(
                    DiagnosticCode.SplitRequired,
                    line.Keyword.Span,
                    "'" + line.Name + "' needs a weighted split in the route's 'to', e.g. 'to users-v1 90 users-v2 10'; add weights or remove '" + line.Name + "'");
            }

            return;
        }

        if (_actionModel is null)
        {
            return;
        }

        var sides = _actionModel.Split.Select(side => side.Upstream).ToList();
        var pins = new List<UpstreamPin>();
        var ok = true;
        foreach (var (pin, line) in _pins)
        {
            if (!sides.Contains(pin.Upstream))
            {
                _diagnostics.Error(
                    DiagnosticCode.InvalidPin,
                    line.Arguments[0].Span,
                    "upstream '" + pin.Upstream + "' is not in the route's split; pin one of " + string.Join(", ", sides.Select(side => "'" + side + "'")));
                ok = false;
                continue;
            }

            // Header names compare case-insensitively (RFC 9110 §5.1), cookie names exactly (RFC 6265 §5.3).
            var comparison = pin.Source == PinSource.Header ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            var earlier = _pins.FirstOrDefault(other => other.Pin.Source == pin.Source && string.Equals(other.Pin.Name, pin.Name, comparison) && other.Pin.Value == pin.Value);
            if (earlier.Line != line)
            {
                _diagnostics.Error(
                    DiagnosticCode.InvalidPin,
                    TextSpanOf(line),
                    (pin.Source == PinSource.Header ? "header" : "cookie") + " '" + pin.Name + ": " + pin.Value + "' is already pinned on line "
                        + TokenChecks.LineOf(_diagnostics, earlier.Line.Keyword.Span) + "; keep one pin per value");
                ok = false;
                continue;
            }

            pins.Add(pin);
        }

        if (ok)
        {
            _actionModel = _actionModel with { Sticky = _sticky?.Key, Pins = pins.ToEquatableArray() };
        }
        else
        {
            _actionModel = null;
        }
    }

    /// <summary>The span of a pin's source, name and value, which two pins of one value share.</summary>
    private static TextSpan TextSpanOf(DirectiveSyntax line) => TextSpan.FromBounds(line.Arguments[1].Span.Start, line.Arguments[3].Span.End);
}
