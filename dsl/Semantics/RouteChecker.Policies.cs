using System.Collections.Generic;
using Gateway.Dsl.Collections;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;

namespace Gateway.Dsl.Semantics;

/// <summary>A route's policies: <c>use</c>, <c>rewrite</c>, and the merge with groups and the file's defaults.</summary>
internal sealed partial class RouteChecker
{
    /// <summary>Reads <c>use NAME…</c>: each name must be a policy group of the file.</summary>
    private void ReadUse(DirectiveSyntax directive)
    {
        foreach (var argument in directive.Arguments)
        {
            if (ResolveGroup(_diagnostics, _groups, argument) is { } group)
            {
                _used.Add((group, argument));
            }
        }
    }

    /// <summary>The group <paramref name="token"/> names, or null after reporting an unknown name (with a suggestion).</summary>
    internal static PolicyLayer? ResolveGroup(DiagnosticBag diagnostics, PolicyGroups groups, Token token)
    {
        if (!TokenChecks.RequireWord(diagnostics, token, "a policy group name"))
        {
            return null;
        }

        if (groups.ByName.TryGetValue(token.Text, out var group))
        {
            return group;
        }

        var suggestion = NameSuggester.Suggest(token.Text, groups.ByName.Keys);
        var hint = suggestion is null ? "; define it with 'policy " + token.Text + " { … }'" : "; did you mean '" + suggestion + "'?";
        diagnostics.Error(DiagnosticCode.UndefinedPolicy, token.Span, "policy group '" + token.Text + "' is not defined" + hint);
        return null;
    }

    /// <summary>Merges the file's defaults, the used groups and the route's own policies (in that order of precedence,
    /// lowest first) and checks the result.</summary>
    private RoutePolicies MergePolicies()
    {
        var rewrite = _rewrite is { } token ? ReadRewrite(token) : EquatableArray<TemplatePart>.Empty;

        // The route's own one-of-a-kind policies settle any clash between its groups.
        var merged = new PolicyLayer(_own.Origin);
        merged.Overlay(_groups.Defaults);
        merged.Overlay(PolicyMerger.Combine(_diagnostics, _used, "the groups of route '" + _name + "'", _own.Slots.Keys));
        merged.Overlay(_own);
        return PolicyMerger.Build(_diagnostics, merged, rewrite, _name, _block.NameSpan, _methods);
    }

    /// <summary>Reads a <c>rewrite</c> template: a path that starts with <c>/</c> and may use the route's captures.</summary>
    private EquatableArray<TemplatePart> ReadRewrite(Token token)
    {
        if (!TokenChecks.RequireWord(_diagnostics, token, "a path template"))
        {
            return EquatableArray<TemplatePart>.Empty;
        }

        // The query string is kept from the request, so the template is a path only.
        var text = token.Text;
        var bad = text.IndexOfAny(new[] { '?', '#' });
        if (text[0] != '/' || bad >= 0)
        {
            var why = text[0] != '/' ? "does not start with '/'; write '/" + text + "'" : "contains '" + text[bad] + "'; the request's query string is kept, so write the path only";
            _diagnostics.Error(DiagnosticCode.InvalidPrefix, token.Span, "rewrite '" + text + "' " + why);
            return EquatableArray<TemplatePart>.Empty;
        }

        var parts = BodyTemplateReader.Read(_diagnostics, token, _path, "rewrite");

        // A rewrite yields the whole upstream path; without this the parts would always be non-empty.
        return parts.Count == 0 ? new EquatableArray<TemplatePart>(new[] { new TemplatePart { Text = "/", CaptureIndex = -1 } }) : parts;
    }
}
