using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;

namespace Gateway.Dsl.Semantics;

/// <summary>The match conditions of a route: hosts, methods, headers, queries and priority.</summary>
internal sealed partial class RouteChecker
{
    // An ordered table rather than a dictionary: messages and suggestions list methods in this order.
    private static readonly KeyValuePair<string, MethodSet>[] Methods =
    {
        new("GET", MethodSet.Get),
        new("HEAD", MethodSet.Head),
        new("POST", MethodSet.Post),
        new("PUT", MethodSet.Put),
        new("DELETE", MethodSet.Delete),
        new("PATCH", MethodSet.Patch),
        new("OPTIONS", MethodSet.Options),
        new("TRACE", MethodSet.Trace),
        new("CONNECT", MethodSet.Connect),
    };

    /// <summary>Reads <c>host PATTERN…</c>; each pattern is checked on its own, duplicates compare in lower case.</summary>
    private void ReadHosts(DirectiveSyntax directive)
    {
        foreach (var argument in directive.Arguments)
        {
            var host = HostPatternReader.Read(_diagnostics, argument);
            if (host is null)
            {
                continue;
            }

            // The pattern's printed form ('*.example.org') keys duplicates, so an exact host and a wildcard of the same
            // suffix stay distinct.
            var key = host.ToString();
            if (_firstHost.ContainsKey(key))
            {
                _diagnostics.Error(DiagnosticCode.DuplicateHost, argument.Span, "host '" + key + "' is listed twice; remove one");
                continue;
            }

            _firstHost[key] = argument;
            _hosts.Add(host);
        }
    }

    /// <summary>Reads <c>method M…</c> into the route's <see cref="MethodSet"/> flags.</summary>
    private void ReadMethods(DirectiveSyntax directive)
    {
        foreach (var argument in directive.Arguments)
        {
            if (!TokenChecks.RequireWord(_diagnostics, argument, "a method"))
            {
                continue;
            }

            var method = FindMethod(argument.Text);
            if (method == MethodSet.None)
            {
                // Methods are case-sensitive (RFC 9110 §9.1), so 'get' is an error with a hint rather than a synonym.
                var hint = NameSuggester.DidYouMeanOrList(argument.Text, MethodNames);
                _diagnostics.Error(DiagnosticCode.UnknownMethod, argument.Span, "unknown method '" + argument.Text + "'" + hint);
            }

            // A repeated method is harmless at run time but usually a copy-paste slip that hides a missing one.
            else if ((_methods & method) != 0)
            {
                _diagnostics.Error(DiagnosticCode.DuplicateMethod, argument.Span, "method '" + argument.Text + "' is listed twice; remove one");
            }
            else
            {
                _methods |= method;
            }
        }
    }

    /// <summary>Reads <c>header NAME [VALUE]</c>; a missing value means the header only has to be present.</summary>
    private void ReadHeader(DirectiveSyntax directive)
    {
        // Only token characters can occur in a header name on the wire; anything else would never match.
        var name = directive.Arguments[0];
        if (ValueReader.HeaderName(_diagnostics, name) is null)
        {
            return;
        }

        // Header names compare case-insensitively (RFC 9110 §5.1), so the model keeps them in lower case.
        var lower = name.Text.ToLowerInvariant();
        if (_firstHeader.TryGetValue(lower, out var first))
        {
            _diagnostics.Error(DiagnosticCode.DuplicateHeader, name.Span, "header '" + lower + "' is already matched on line " + TokenChecks.LineOf(_diagnostics, first.Span) + "; keep one condition per header");
            return;
        }

        _firstHeader[lower] = name;

        // A value may be a word or a quoted string; Value is the same either way.
        _headers.Add(new HeaderMatch { Name = lower, Value = directive.Arguments.Count > 1 ? directive.Arguments[1].Value : null });
    }

    /// <summary>Reads <c>query NAME [VALUE]</c>; names stay as written because query names are case-sensitive.</summary>
    private void ReadQuery(DirectiveSyntax directive)
    {
        var name = directive.Arguments[0];
        if (!TokenChecks.RequireWord(_diagnostics, name, "a query parameter name"))
        {
            return;
        }

        // '=' and '&' cannot occur in a decoded query name as the gateway splits it; 'query a=b' means 'query a b'.
        var bad = name.Text.IndexOfAny(new[] { '=', '&' });
        if (bad >= 0)
        {
            _diagnostics.Error(
                DiagnosticCode.InvalidQueryName,
                TokenChecks.Inside(name, bad, 1),
                "query name '" + name.Text + "' contains '" + name.Text[bad] + "'; write the name and value apart, as in 'query version 2'");
            return;
        }

        // Two conditions on one parameter either repeat each other or contradict each other; neither is wanted.
        if (_firstQuery.TryGetValue(name.Text, out var first))
        {
            _diagnostics.Error(DiagnosticCode.DuplicateQuery, name.Span, "query parameter '" + name.Text + "' is already matched on line " + TokenChecks.LineOf(_diagnostics, first.Span) + "; keep one condition per parameter");
            return;
        }

        _firstQuery[name.Text] = name;
        _queries.Add(new QueryMatch { Name = name.Text, Value = directive.Arguments.Count > 1 ? directive.Arguments[1].Value : null });
    }

    /// <summary>Reads <c>path TEMPLATE [exact]</c>.</summary>
    private void ReadPath(DirectiveSyntax directive)
    {
        _path = PathTemplateReader.Read(_diagnostics, directive.Arguments[0]);
        if (directive.Arguments.Count < 2)
        {
            return;
        }

        var exact = directive.Arguments[1];
        if (!exact.IsWord("exact"))
        {
            _diagnostics.Error(DiagnosticCode.UnexpectedArgument, exact.Span, "unexpected '" + exact.Text + "'; 'path' takes one template and an optional 'exact', as in 'path /users exact'");
            return;
        }

        // A prefix match and 'no trailing slash' contradict each other: '/api/** exact' would refuse '/api/x/' only.
        if (_path is { IsPrefix: true })
        {
            _diagnostics.Error(DiagnosticCode.InvalidPath, exact.Span, "'exact' cannot go with a catch-all; remove 'exact' or the '**'");
            return;
        }

        _path = _path is null ? null : _path with { Exact = true };
    }

    /// <summary>Reads <c>priority N</c>, any 32-bit integer; negative values rank below the default 0.</summary>
    private void ReadPriority(Token token)
    {
        if (TokenChecks.RequireWord(_diagnostics, token, "a priority")
            && !int.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _priority))
        {
            _diagnostics.Error(DiagnosticCode.InvalidPriority, token.Span, "priority '" + token.Text + "' is not an integer; write a whole number, e.g. 'priority 10'");
        }
    }

    /// <summary>The flag for <paramref name="name"/> (exact case), or <see cref="MethodSet.None"/> when it is unknown.</summary>
    internal static MethodSet FindMethod(string name)
    {
        foreach (var pair in Methods)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return MethodSet.None;
    }

    /// <summary>The method names in the order the messages list them.</summary>
    internal static readonly string[] MethodNames = Methods.Select(pair => pair.Key).ToArray();
}
