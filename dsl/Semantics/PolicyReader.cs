using System.Collections.Generic;
using Gateway.Dsl.Collections;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Semantics;

/// <summary>Reads the policy directives that routes and policy groups share into a <see cref="PolicyLayer"/>.</summary>
internal static class PolicyReader
{
    private static readonly string[] RequireKinds = { "scope", "any-scope", "claim" };
    private static readonly string[] ForwardKinds = { "claim", "consumer" };
    private static readonly string[] EditKinds = { "set", "add", "remove" };

    /// <summary>Whether <paramref name="keyword"/> is read here rather than by the route checker.</summary>
    public static bool Handles(string keyword) => keyword switch
    {
        "jwt" or "api-key" or "ext-auth" or "cors" or "require" or "forward" or "request-header" or "response-header"
            or "strip-prefix" or "add-prefix" or "host-header" or "timeout" or "limit" or "retry" or "plugin" => true,
        _ => false,
    };

    /// <summary>Reads one directive the catalog has accepted at <paramref name="level"/> (a route or a policy group) into
    /// <paramref name="layer"/>.</summary>
    public static void Read(DiagnosticBag diagnostics, DirectiveSyntax directive, PolicyLayer layer, DirectiveLevel level)
    {
        var ok = directive.Name switch
        {
            "jwt" => SetSlot(layer, directive, DirectiveCatalog.IsOff(directive) ? null : JwtReader.Read(diagnostics, directive)),
            "api-key" => SetSlot(layer, directive, DirectiveCatalog.IsOff(directive) ? null : ApiKeyReader.Read(diagnostics, directive)),
            "ext-auth" => SetSlot(layer, directive, DirectiveCatalog.IsOff(directive) ? null : ExternalAuthReader.Read(diagnostics, directive)),
            "cors" => SetSlot(layer, directive, DirectiveCatalog.IsOff(directive) ? null : CorsReader.Read(diagnostics, directive)),
            "require" => Add(layer.Requirements, ReadRequire(diagnostics, directive)),
            "forward" => Add(layer.IdentityHeaders, ReadForward(diagnostics, directive)),
            "request-header" => Add(layer.RequestHeaders, ReadEdit(diagnostics, directive)),
            "response-header" => Add(layer.ResponseHeaders, ReadEdit(diagnostics, directive)),
            "strip-prefix" or "add-prefix" => SetSlot(layer, directive, ReadPrefix(diagnostics, directive.Arguments[0])),
            "host-header" => SetSlot(layer, directive, ReadHostHeader(diagnostics, directive.Arguments[0])),
            "timeout" => ReadTimeout(diagnostics, directive, layer, level),
            "plugin" => Add(layer.Plugins, ReadPlugin(diagnostics, directive)),
            "limit" => ReadLimit(diagnostics, directive, layer, level),
            "retry" => ReadRetry(diagnostics, directive, layer, level),
            _ => false,
        };

        layer.HasErrors |= !ok;
    }

    /// <summary>Reads <c>host-header client|endpoint|NAME</c>; shared with upstream blocks.</summary>
    public static HostHeader? ReadHostHeader(DiagnosticBag diagnostics, Token token)
    {
        if (!TokenChecks.RequireWord(diagnostics, token, "a host"))
        {
            return null;
        }

        switch (token.Text)
        {
            case "client": return HostHeader.Client;
            case "endpoint": return new HostHeader { Kind = HostHeaderKind.Endpoint };
        }

        // A fixed host may carry a port ('api.internal:8443'), since it is sent as written.
        var colon = token.Text.LastIndexOf(':');
        var name = colon < 0 ? token.Text : token.Text.Substring(0, colon);
        var valid = name.Length > 0 && name[0] != '.' && name[0] != '-' && (colon < 0 || NameRules.AllDigits(token.Text.Substring(colon + 1)));
        foreach (var c in name)
        {
            valid &= NameRules.IsHostChar(c);
        }

        if (!valid)
        {
            diagnostics.Error(DiagnosticCode.InvalidHost, token.Span, "'" + token.Text + "' is not 'client', 'endpoint' or a host name; write e.g. 'host-header api.internal.example.com'");
            return null;
        }

        return new HostHeader { Kind = HostHeaderKind.Fixed, Value = token.Text.ToLowerInvariant() };
    }

    /// <summary>Reads a path prefix: starts with <c>/</c>, no braces, query or fragment; a trailing slash is dropped.</summary>
    public static string? ReadPrefix(DiagnosticBag diagnostics, Token token)
    {
        if (!TokenChecks.RequireWord(diagnostics, token, "a path prefix"))
        {
            return null;
        }

        var text = token.Text;
        var bad = text.IndexOfAny(new[] { '{', '}', '?', '#', '*' });
        if (text[0] != '/' || bad >= 0 || text.IndexOf("//", System.StringComparison.Ordinal) >= 0)
        {
            var why = text[0] != '/' ? "does not start with '/'; write '/" + text + "'"
                : bad >= 0 ? "contains '" + text[bad] + "'; a prefix is literal path segments"
                : "has an empty segment ('//')";
            diagnostics.Error(DiagnosticCode.InvalidPrefix, token.Span, "prefix '" + text + "' " + why);
            return null;
        }

        return text.Length > 1 ? text.TrimEnd('/') : text;
    }

    /// <summary>Reads <c>limit …</c>, or <c>limit off</c> in a route, into the layer's <c>limit</c> slot.</summary>
    private static bool ReadLimit(DiagnosticBag diagnostics, DirectiveSyntax directive, PolicyLayer layer, DirectiveLevel level)
    {
        if (DirectiveCatalog.IsOff(directive) && (level & DirectiveLevel.Route) == 0)
        {
            diagnostics.Error(DiagnosticCode.InvalidRate, directive.Arguments[0].Span,
                "'limit off' clears a policy group's limit in a route; a group has none to clear, so remove the line or write a rate such as 'limit 100/s'");
            return false;
        }

        return SetSlot(layer, directive, DirectiveCatalog.IsOff(directive) ? null : LimitReader.Read(diagnostics, directive));
    }

    /// <summary>Reads <c>retry …</c>, or <c>retry off</c> in a route, into the layer's <c>retry</c> slot.</summary>
    private static bool ReadRetry(DiagnosticBag diagnostics, DirectiveSyntax directive, PolicyLayer layer, DirectiveLevel level)
    {
        if (DirectiveCatalog.IsOff(directive) && (level & DirectiveLevel.Route) == 0)
        {
            diagnostics.Error(DiagnosticCode.InvalidRetry, directive.Arguments[0].Span,
                "'retry off' clears a policy group's retries in a route; a group has none to clear, so remove the line or write e.g. 'retry 2'");
            return false;
        }

        return SetSlot(layer, directive, DirectiveCatalog.IsOff(directive) ? null : RetryReader.Read(diagnostics, directive));
    }

    /// <summary>Reads <c>timeout D</c>, or <c>timeout off</c> in a route, into the layer's <c>timeout</c> slot.</summary>
    /// <remarks>As with <c>jwt off</c>, only a route clears what its groups set: a group has nothing beneath it to clear.</remarks>
    private static bool ReadTimeout(DiagnosticBag diagnostics, DirectiveSyntax directive, PolicyLayer layer, DirectiveLevel level)
    {
        var argument = directive.Arguments[0];
        if (DirectiveCatalog.IsOff(directive) && (level & DirectiveLevel.Route) == 0)
        {
            diagnostics.Error(DiagnosticCode.InvalidDuration, argument.Span,
                "'timeout off' clears a policy group's timeout in a route; a group has none to clear, so remove the line or write a duration such as 'timeout 30s'");
            return false;
        }

        // A boxed TimeSpan: slots hold any checked value, and PolicyMerger unboxes it.
        return SetSlot(layer, directive, DirectiveCatalog.IsOff(directive) ? null : ValueReader.Duration(diagnostics, argument, "timeout"));
    }

    /// <summary>Stores a one-of-a-kind policy; a null value from a reader that failed is not stored.</summary>
    private static bool SetSlot(PolicyLayer layer, DirectiveSyntax directive, object? value)
    {
        if (value is null && !DirectiveCatalog.IsOff(directive))
        {
            return false;
        }

        layer.Slots[directive.Name] = new PolicyLayer.Slot(value, directive);
        return true;
    }

    private static bool Add<T>(List<T> list, T? item)
        where T : class
    {
        if (item is null)
        {
            return false;
        }

        list.Add(item);
        return true;
    }

    /// <summary>Reads <c>require scope A…</c>, <c>require any-scope A…</c> or <c>require claim NAME V…</c>.</summary>
    private static ClaimRequirement? ReadRequire(DiagnosticBag diagnostics, DirectiveSyntax directive)
    {
        var arguments = directive.Arguments;
        var kind = ValueReader.Choice(diagnostics, arguments[0], "requirement", RequireKinds);
        if (kind < 0)
        {
            return null;
        }

        var first = kind == 2 ? 2 : 1;
        if (arguments.Count <= first)
        {
            var example = kind == 2 ? "require claim role admin" : "require " + RequireKinds[kind] + " orders.read";
            diagnostics.Error(DiagnosticCode.MissingArgument, directive.Keyword.Span, "'require " + RequireKinds[kind] + "' needs " + (kind == 2 ? "a claim name and values" : "one or more scopes") + "; write '" + example + "'");
            return null;
        }

        var values = new List<string>();
        for (var i = first; i < arguments.Count; i++)
        {
            values.Add(arguments[i].Value);
        }

        return new ClaimRequirement
        {
            Claim = kind == 2 ? arguments[1].Value : "scope",
            Values = values.ToEquatableArray(),
            All = kind == 0,
            IsScope = kind < 2,
        };
    }

    /// <summary>Reads <c>forward claim NAME as HEADER</c> or <c>forward consumer as HEADER</c>.</summary>
    private static IdentityHeader? ReadForward(DiagnosticBag diagnostics, DirectiveSyntax directive)
    {
        var arguments = directive.Arguments;
        var kind = ValueReader.Choice(diagnostics, arguments[0], "identity", ForwardKinds);
        if (kind < 0)
        {
            return null;
        }

        var asIndex = kind == 0 ? 2 : 1;
        var count = asIndex + 2;
        if (arguments.Count != count || !arguments[asIndex].IsWord("as"))
        {
            var example = kind == 0 ? "forward claim sub as X-User-Id" : "forward consumer as X-Consumer";
            diagnostics.Error(DiagnosticCode.UnexpectedArgument, directive.Span, "'forward " + ForwardKinds[kind] + "' is written '" + example + "'");
            return null;
        }

        var header = ValueReader.HeaderName(diagnostics, arguments[asIndex + 1]);
        return header is null ? null : new IdentityHeader { Claim = kind == 0 ? arguments[1].Value : null, Header = header };
    }

    /// <summary>Reads <c>set NAME VALUE</c>, <c>add NAME VALUE</c> or <c>remove NAME</c>.</summary>
    private static HeaderEdit? ReadEdit(DiagnosticBag diagnostics, DirectiveSyntax directive)
    {
        var arguments = directive.Arguments;
        var kind = ValueReader.Choice(diagnostics, arguments[0], "header operation", EditKinds);
        if (kind < 0)
        {
            return null;
        }

        var name = ValueReader.HeaderName(diagnostics, arguments[1]);
        var wanted = kind == 2 ? 2 : 3;
        if (arguments.Count != wanted)
        {
            var example = directive.Name + " " + EditKinds[kind] + " " + arguments[1].Text + (kind == 2 ? string.Empty : " VALUE");
            diagnostics.Error(
                arguments.Count < wanted ? DiagnosticCode.MissingArgument : DiagnosticCode.UnexpectedArgument,
                arguments.Count < wanted ? arguments[1].Span : arguments[arguments.Count - 1].Span,
                "'" + directive.Name + " " + EditKinds[kind] + "' is written '" + example + "'");
            return null;
        }

        var value = kind == 2 ? null : ValueReader.HeaderValue(diagnostics, arguments[2]);
        if (name is null || (kind != 2 && value is null))
        {
            return null;
        }

        return new HeaderEdit { Kind = (HeaderEditKind)kind, Name = name, Value = value };
    }

    /// <summary>Reads <c>plugin NAME ARG…</c>; the name and argument types are checked against C# by the generator.</summary>
    private static PluginCall? ReadPlugin(DiagnosticBag diagnostics, DirectiveSyntax directive)
    {
        var name = directive.Arguments[0];
        if (!TokenChecks.RequireWord(diagnostics, name, "a plugin name"))
        {
            return null;
        }

        if (!NameRules.IsBlockName(name.Text))
        {
            diagnostics.Error(DiagnosticCode.InvalidName, name.Span, "'" + name.Text + "' is not a valid plugin name; start with a letter or '_', then use letters, digits, '_', '.' and '-'");
            return null;
        }

        var arguments = new List<string>();
        var spans = new List<TextSpan>();
        for (var i = 1; i < directive.Arguments.Count; i++)
        {
            arguments.Add(directive.Arguments[i].Value);
            spans.Add(directive.Arguments[i].Span);
        }

        return new PluginCall
        {
            Name = name.Text,
            Arguments = arguments.ToEquatableArray(),
            Line = TokenChecks.LineOf(diagnostics, name.Span),
            NameSpan = name.Span,
            ArgumentSpans = spans.ToEquatableArray(),
        };
    }
}
