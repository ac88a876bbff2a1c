using System.Collections.Generic;
using System.Linq;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Syntax;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Semantics;

/// <summary>The single table of directive keywords, their levels and argument counts, and the messages that follow from it.</summary>
internal static class DirectiveCatalog
{
    private const int Many = int.MaxValue;

    private static readonly DirectiveShape[] Shapes =
    {
        Shape("listen", DirectiveLevel.TopLevel, 1, 1, false, "one address", "listen 0.0.0.0:8080"),
        Shape("admin", DirectiveLevel.TopLevel, 1, 1, false, "one address", "admin 127.0.0.1:9901"),
        Shape("redis", DirectiveLevel.TopLevel, 1, 1, false, "one address", "redis redis.gateway.svc:6379"),
        Shape("upstream", DirectiveLevel.TopLevel, 1, 1, true, "a name and a block", "upstream users { … }"),
        Shape("policy", DirectiveLevel.TopLevel, 1, 1, true, "a name and a block", "policy authenticated { … }"),
        Shape("route", DirectiveLevel.TopLevel, 1, 1, true, "a name and a block", "route users { … }"),
        Shape("endpoints", DirectiveLevel.Upstream, 1, Many, true, "one or more URLs, each with an optional 'weight N'", "endpoints http://127.0.0.1:5001 weight 3 http://127.0.0.1:5002"),
        Shape("balance", DirectiveLevel.Upstream, 1, 3, false, "one mode, or 'hash' and its key", "balance round_robin"),
        Shape("max-concurrent", DirectiveLevel.Upstream, 1, 1, false, "one positive integer", "max-concurrent 100"),
        Shape("retry-budget", DirectiveLevel.Upstream, 1, 1, false, "one share of requests", "retry-budget 20%"),
        Shape("health", DirectiveLevel.Upstream, 2, 10, false, "a method, a path and options", "health GET /healthz every 5s timeout 1s"),
        Shape("when-unhealthy", DirectiveLevel.Upstream, 1, 1, false, "'503' or 'all'", "when-unhealthy 503"),
        Shape("connect-timeout", DirectiveLevel.Upstream, 1, 1, false, "one duration", "connect-timeout 2s"),
        Shape("breaker", DirectiveLevel.Upstream, 1, 7, false, "a failure ratio, a throughput, a window and a break", "breaker 50% of 20 in 30s break 10s"),
        Shape("outlier", DirectiveLevel.Upstream, 1, 6, false, "a failure count, an ejection time and a share, or 'off'", "outlier consecutive 5 eject 30s max 50%"),
        Shape("host", DirectiveLevel.Route, 1, Many, false, "one or more host patterns", "host api.example.com *.example.org"),
        Shape("method", DirectiveLevel.Route, 1, Many, false, "one or more methods", "method GET HEAD"),
        Shape("path", DirectiveLevel.Route, 1, 2, false, "one template and an optional 'exact'", "path /users/{id:int}"),
        Shape("header", DirectiveLevel.Route, 1, 2, true, "a name and an optional value", "header x-version 2"),
        Shape("query", DirectiveLevel.Route, 1, 2, true, "a name and an optional value", "query version 2"),
        Shape("priority", DirectiveLevel.Route, 1, 1, false, "one integer", "priority 10"),
        Shape("use", DirectiveLevel.TopLevel | DirectiveLevel.Route, 1, Many, false, "one or more policy group names", "use authenticated"),
        Block("jwt", DirectiveLevel.RouteOrPolicy, "jwt { issuer https://login.example.com/ … }"),
        Block("api-key", DirectiveLevel.RouteOrPolicy, "api-key { keys-file /etc/gateway/api-keys }"),
        Block("ext-auth", DirectiveLevel.RouteOrPolicy, "ext-auth { url http://authz:8080/check }"),
        Shape("require", DirectiveLevel.RouteOrPolicy, 2, Many, true, "'scope', 'any-scope' or 'claim NAME' and values", "require scope orders.read"),
        Shape("forward", DirectiveLevel.RouteOrPolicy, 3, 4, true, "'claim NAME as HEADER' or 'consumer as HEADER'", "forward claim sub as X-User-Id"),
        Block("cors", DirectiveLevel.RouteOrPolicy, "cors { origins https://app.example.com }"),
        Shape("request-header", DirectiveLevel.RouteOrPolicy, 2, 3, true, "'set NAME VALUE', 'add NAME VALUE' or 'remove NAME'", "request-header set X-Env prod"),
        Shape("response-header", DirectiveLevel.RouteOrPolicy, 2, 3, true, "'set NAME VALUE', 'add NAME VALUE' or 'remove NAME'", "response-header remove Server"),
        Shape("rewrite", DirectiveLevel.Route, 1, 1, false, "one path template", "rewrite /v2/users/{id}"),
        Shape("strip-prefix", DirectiveLevel.RouteOrPolicy, 1, 1, false, "one path prefix", "strip-prefix /api"),
        Shape("add-prefix", DirectiveLevel.RouteOrPolicy, 1, 1, false, "one path prefix", "add-prefix /v1"),
        Shape("host-header", DirectiveLevel.Upstream | DirectiveLevel.RouteOrPolicy, 1, 1, false, "'client', 'endpoint' or a host name", "host-header endpoint"),
        Shape("retry", DirectiveLevel.RouteOrPolicy, 1, Many, false, "a number of retries and options, or 'off'", "retry 2 on connect-failure 503"),
        Shape("limit", DirectiveLevel.RouteOrPolicy, 1, 9, false, "a rate and options, or 'off'", "limit 100/s burst 200 by client_ip"),
        Shape("timeout", DirectiveLevel.RouteOrPolicy, 1, 1, false, "one duration, or 'off' in a route", "timeout 30s"),
        Shape("plugin", DirectiveLevel.RouteOrPolicy, 1, Many, true, "a policy name and its arguments", "plugin tenant-tag X-Tenant"),
        Shape("to", DirectiveLevel.Route, 1, Many, false, "one upstream name, or names each followed by a weight", "to users"),
        Shape("sticky", DirectiveLevel.Route, 2, 3, false, "'by header NAME', 'by cookie NAME', 'by client_ip' or 'by claim NAME'", "sticky by header X-User-Id"),
        Shape("pin", DirectiveLevel.Route, 4, 4, true, "an upstream of the split, 'header' or 'cookie', a name and a value", "pin users-v2 header X-Canary 1"),
        Shape("mirror", DirectiveLevel.Route, 2, 2, false, "an upstream and a percentage", "mirror users-shadow 10%"),
        Shape("respond", DirectiveLevel.Route, 1, 3, false, "a status, an optional quoted body and an optional content type", "respond 404 \"no such user\""),
        Shape("redirect", DirectiveLevel.Route, 1, 9, false, "a status and the parts to change, or 'https'", "redirect 301 host www.example.com"),
        Shape("issuer", DirectiveLevel.Jwt, 1, 1, false, "one issuer", "issuer https://login.example.com/"),
        Shape("audience", DirectiveLevel.Jwt, 1, Many, false, "one or more audiences", "audience orders-api"),
        Shape("jwks", DirectiveLevel.Jwt, 1, 1, false, "one http(s) URL", "jwks https://login.example.com/.well-known/jwks.json"),
        Shape("key-file", DirectiveLevel.Jwt, 1, 1, false, "one file path", "key-file /etc/gateway/jwt-public.pem"),
        Shape("algorithms", DirectiveLevel.Jwt, 1, Many, false, "one or more algorithms", "algorithms RS256 ES256"),
        Shape("clock-skew", DirectiveLevel.Jwt, 1, 1, false, "one duration", "clock-skew 30s"),
        Shape("token", DirectiveLevel.Jwt, 1, 2, false, "'bearer', 'header NAME' or 'cookie NAME'", "token cookie session"),
        Shape("jwks-refresh", DirectiveLevel.Jwt, 1, 1, false, "one duration", "jwks-refresh 10m"),
        Shape("jwks-min-refresh", DirectiveLevel.Jwt, 1, 1, false, "one duration", "jwks-min-refresh 30s"),
        Shape("key", DirectiveLevel.ApiKey, 2, 2, false, "'header NAME' or 'query NAME'", "key header X-Api-Key"),
        Shape("keys-file", DirectiveLevel.ApiKey, 1, 1, false, "one file path", "keys-file /etc/gateway/api-keys"),
        Shape("url", DirectiveLevel.ExtAuth, 1, 1, false, "one http(s) URL", "url http://authz:8080/check"),
        Shape("timeout", DirectiveLevel.ExtAuth, 1, 1, false, "one duration", "timeout 500ms"),
        Shape("send-headers", DirectiveLevel.ExtAuth, 1, Many, false, "one or more header names", "send-headers Authorization Cookie"),
        Shape("forward-headers", DirectiveLevel.ExtAuth, 1, Many, false, "one or more header names", "forward-headers X-User X-Tenant"),
        Shape("on-error", DirectiveLevel.ExtAuth, 1, 1, false, "'deny' or 'allow'", "on-error deny"),
        Shape("origins", DirectiveLevel.Cors, 1, Many, false, "one or more origins", "origins https://app.example.com https://*.example.com"),
        Shape("methods", DirectiveLevel.Cors, 1, Many, false, "one or more methods", "methods GET POST"),
        Shape("headers", DirectiveLevel.Cors, 1, Many, false, "one or more header names", "headers Content-Type Authorization"),
        Shape("expose", DirectiveLevel.Cors, 1, Many, false, "one or more header names", "expose X-Request-Id"),
        Shape("credentials", DirectiveLevel.Cors, 0, 0, false, "no arguments", "credentials"),
        Shape("max-age", DirectiveLevel.Cors, 1, 1, false, "one duration", "max-age 10m"),
    };

    /// <summary>The shape of <paramref name="keyword"/> at <paramref name="level"/>, or null when it is not valid there.</summary>
    public static DirectiveShape? Find(string keyword, DirectiveLevel level)
    {
        foreach (var shape in Shapes)
        {
            if (shape.Keyword == keyword && (shape.Level & level) != 0)
            {
                return shape;
            }
        }

        return null;
    }

    /// <summary>The keywords valid at <paramref name="level"/>, in the order the docs list them.</summary>
    public static IEnumerable<string> KeywordsAt(DirectiveLevel level) => Shapes.Where(s => (s.Level & level) != 0).Select(s => s.Keyword);

    /// <summary>Reports a keyword that is unknown at <paramref name="level"/>, saying where it belongs or what it may mean.</summary>
    public static void ReportUnknown(DiagnosticBag diagnostics, Token keyword, DirectiveLevel level)
    {
        var valid = LevelName(level) + " directives are: " + string.Join(", ", KeywordsAt(level));

        // A keyword valid at another level is a misplaced line, not a typo: say where it belongs instead of guessing.
        var elsewhere = Shapes.FirstOrDefault(s => s.Keyword == keyword.Text);
        string message;
        if (elsewhere is not null)
        {
            message = "'" + keyword.Text + "' belongs " + Where(elsewhere.Level) + ", not " + Where(level) + "; " + valid;
        }
        else
        {
            var suggestion = NameSuggester.Suggest(keyword.Text, KeywordsAt(level));
            message = "unknown directive '" + keyword.Text + "'; " + (suggestion is null ? string.Empty : "did you mean '" + suggestion + "'? ") + valid;
        }

        diagnostics.Error(DiagnosticCode.UnknownDirective, keyword.Span, message);
    }

    /// <summary>Checks one directive against the catalog at <paramref name="level"/>: known there, not repeated, its block
    /// shape, and its argument count. Returns the shape when the directive can be read, or null after reporting why not.</summary>
    /// <remarks>A directive that opens a block is returned with no arguments, or with the one argument <c>off</c> in a route
    /// (<see cref="IsOff"/>), which switches off what a group or the file's defaults set.</remarks>
    public static DirectiveShape? Accept(DiagnosticBag diagnostics, Dictionary<string, DirectiveSyntax> seen, DirectiveSyntax directive, DirectiveLevel level, string owner)
    {
        var shape = Find(directive.Name, level);
        if (shape is null)
        {
            ReportUnknown(diagnostics, directive.Keyword, level);
            return null;
        }

        return CheckOnceUnlessRepeatable(diagnostics, seen, directive, shape, owner) && CheckShape(diagnostics, directive, shape, level) ? shape : null;
    }

    /// <summary>The settings of a policy block (<c>jwt { … }</c>) that <see cref="Accept"/> takes, in file order;
    /// <paramref name="allAccepted"/> is false when any was reported instead.</summary>
    public static List<DirectiveSyntax> AcceptBody(DiagnosticBag diagnostics, Dictionary<string, DirectiveSyntax> seen, DirectiveSyntax block, DirectiveLevel level, string owner, out bool allAccepted)
    {
        var accepted = new List<DirectiveSyntax>();
        allAccepted = true;
        foreach (var setting in Lines(block.Body!, level))
        {
            if (Accept(diagnostics, seen, setting, level, owner) is null)
            {
                allAccepted = false;
            }
            else
            {
                accepted.Add(setting);
            }
        }

        return accepted;
    }

    /// <summary>Checks the block shape and the argument count of a directive already found at <paramref name="level"/>.</summary>
    public static bool CheckShape(DiagnosticBag diagnostics, DirectiveSyntax directive, DirectiveShape shape, DirectiveLevel level) =>
        CheckBlock(diagnostics, directive, shape, level) && (shape.OpensBlock || CheckArity(diagnostics, directive, shape));

    /// <summary>The directives of a block as the checker reads them: a known directive that does not open a block but
    /// was given one (<c>path / {</c>) is followed by its block's directives, as if the stray <c>{</c> were not there.</summary>
    /// <remarks>The stray brace is reported by <see cref="CheckShape"/>; reading on keeps one slip from costing the route
    /// its action. An unknown keyword's block is skipped: its contents were written for rules nobody can guess.</remarks>
    public static IEnumerable<DirectiveSyntax> Lines(IEnumerable<DirectiveSyntax> directives, DirectiveLevel level)
    {
        foreach (var directive in directives)
        {
            yield return directive;
            if (directive.Body is { } body && Find(directive.Name, level) is { OpensBlock: false })
            {
                foreach (var inner in Lines(body, level))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>Whether <paramref name="directive"/> is <c>KEYWORD off</c>: a block directive switched off in a route.</summary>
    public static bool IsOff(DirectiveSyntax directive) =>
        !directive.HasBody && directive.Arguments.Count == 1 && directive.Arguments[0].IsWord("off");

    /// <summary>Reports a block where none belongs, or a missing one; returns whether the directive can still be read.</summary>
    private static bool CheckBlock(DiagnosticBag diagnostics, DirectiveSyntax directive, DirectiveShape shape, DirectiveLevel level)
    {
        if (!shape.OpensBlock)
        {
            // The arguments are still read; the block's contents are not, since nothing gives them a meaning.
            if (directive.OpenBrace is { } brace)
            {
                diagnostics.Error(DiagnosticCode.UnexpectedOpenBrace, brace.Span, "'" + shape.Keyword + "' does not open a block; write '" + shape.Example + "'");
            }

            return true;
        }

        if (directive.HasBody)
        {
            if (directive.Arguments.Count > 0)
            {
                var arguments = directive.Arguments;
                diagnostics.Error(
                    DiagnosticCode.UnexpectedArgument,
                    TextSpan.FromBounds(arguments[0].Span.Start, arguments[arguments.Count - 1].Span.End),
                    "unexpected '" + arguments[0].Text + "'; '" + shape.Keyword + "' takes its settings in its block, as in '" + shape.Example + "'");
            }

            return true;
        }

        // 'jwt off' undoes a group's or the file's 'jwt' for one route; a group has nothing to undo.
        if (IsOff(directive) && (level & DirectiveLevel.Route) != 0)
        {
            return true;
        }

        var off = (level & DirectiveLevel.Route) != 0 ? ", or '" + shape.Keyword + " off' to switch off what a policy group sets" : string.Empty;
        diagnostics.Error(DiagnosticCode.MissingArgument, directive.Keyword.Span, "'" + shape.Keyword + "' opens a block; write '" + shape.Example + "'" + off);
        return false;
    }

    /// <summary>Whether a line the checker could not use (an unknown keyword, or a rejected line's quoted first word)
    /// may have been meant as <paramref name="keyword"/>: the same word quoted or in another case, or a near miss
    /// (<c>pth</c>, <c>paths</c>). Its error already covers the directive's absence.</summary>
    public static bool CouldBe(Token unusable, string keyword)
    {
        var word = unusable.Value;
        return string.Equals(word, keyword, System.StringComparison.OrdinalIgnoreCase) || NameSuggester.Suggest(word, new[] { keyword }) is not null;
    }

    /// <summary>Reports too few or too many arguments; returns whether the directive has at least the minimum.</summary>
    public static bool CheckArity(DiagnosticBag diagnostics, DirectiveSyntax directive, DirectiveShape shape)
    {
        var arguments = directive.Arguments;

        // Extra arguments are reported but the directive is still read, so its first arguments get checked too. The
        // span and the quoted text are all the extra arguments, so the message names exactly what is underlined.
        if (arguments.Count > shape.MaxArguments)
        {
            var extra = TextSpan.FromBounds(arguments[shape.MaxArguments].Span.Start, arguments[arguments.Count - 1].Span.End);
            diagnostics.Error(
                DiagnosticCode.UnexpectedArgument,
                extra,
                "unexpected '" + diagnostics.Source.Text.Substring(extra.Start, extra.Length) + "'; '" + shape.Keyword + "' takes " + shape.Takes + ", as in '" + shape.Example + "'");
        }

        if (arguments.Count < shape.MinArguments)
        {
            diagnostics.Error(
                DiagnosticCode.MissingArgument,
                directive.Keyword.Span,
                "'" + shape.Keyword + "' needs " + shape.Takes + "; write '" + shape.Example + "'");
            return false;
        }

        return true;
    }

    /// <summary>
    /// Like <see cref="CheckOnce"/> for a directive that may appear once; a repeatable one (<paramref name="shape"/>) is
    /// always accepted, and its first occurrence is recorded in <paramref name="seen"/> too, so a block can ask whether
    /// it appeared at all.
    /// </summary>
    public static bool CheckOnceUnlessRepeatable(DiagnosticBag diagnostics, Dictionary<string, DirectiveSyntax> seen, DirectiveSyntax directive, DirectiveShape shape, string owner)
    {
        if (!shape.Repeatable)
        {
            return CheckOnce(diagnostics, seen, directive, owner);
        }

        if (!seen.ContainsKey(directive.Name))
        {
            seen[directive.Name] = directive;
        }

        return true;
    }

    /// <summary>Records the first use of a non-repeatable directive and reports any later one; returns whether
    /// <paramref name="directive"/> is the first.</summary>
    /// <param name="diagnostics">Where to report.</param>
    /// <param name="seen">The first directive of each keyword in this block (or file).</param>
    /// <param name="directive">The directive to record.</param>
    /// <param name="owner">The thing that has one of each, with its article: <c>a route</c>.</param>
    public static bool CheckOnce(DiagnosticBag diagnostics, Dictionary<string, DirectiveSyntax> seen, DirectiveSyntax directive, string owner)
    {
        if (seen.TryGetValue(directive.Name, out var first))
        {
            diagnostics.Error(
                DiagnosticCode.DuplicateDirective,
                directive.Keyword.Span,
                "'" + directive.Name + "' is already given on line " + TokenChecks.LineOf(diagnostics, first.Keyword.Span) + "; " + owner + " has one '" + directive.Name + "', so remove one");
            return false;
        }

        seen[directive.Name] = directive;
        return true;
    }

    /// <summary>The level as an adjective, for "route directives are: …".</summary>
    private static string LevelName(DirectiveLevel level) => First(level) switch
    {
        DirectiveLevel.Upstream => "upstream",
        DirectiveLevel.Route => "route",
        DirectiveLevel.Policy => "policy group",
        DirectiveLevel.Jwt => "'jwt'",
        DirectiveLevel.ApiKey => "'api-key'",
        DirectiveLevel.ExtAuth => "'ext-auth'",
        DirectiveLevel.Cors => "'cors'",
        _ => "top-level",
    };

    /// <summary>The level as a place, for "belongs in a route block".</summary>
    private static string Where(DirectiveLevel level) => First(level) switch
    {
        DirectiveLevel.Upstream => "in an upstream block",
        DirectiveLevel.Route => "in a route block",
        DirectiveLevel.Policy => "in a policy group",
        DirectiveLevel.Jwt => "in a 'jwt' block",
        DirectiveLevel.ApiKey => "in an 'api-key' block",
        DirectiveLevel.ExtAuth => "in an 'ext-auth' block",
        DirectiveLevel.Cors => "in a 'cors' block",
        _ => "at the top level",
    };

    /// <summary>The lowest flag of <paramref name="level"/>: where a directive valid in several places is said to belong.</summary>
    private static DirectiveLevel First(DirectiveLevel level) => (DirectiveLevel)((int)level & -(int)level);

    /// <summary>Builds one catalog row; keeps the table above readable as one line per keyword.</summary>
    private static DirectiveShape Shape(string keyword, DirectiveLevel level, int min, int max, bool repeatable, string takes, string example) =>
        new() { Keyword = keyword, Level = level, MinArguments = min, MaxArguments = max, Repeatable = repeatable, OpensBlock = false, Takes = takes, Example = example };

    /// <summary>Builds the row of a directive that opens a block and takes no arguments (<c>off</c> aside).</summary>
    private static DirectiveShape Block(string keyword, DirectiveLevel level, string example) =>
        new() { Keyword = keyword, Level = level, MinArguments = 0, MaxArguments = 0, Repeatable = false, OpensBlock = true, Takes = "a block", Example = example };
}
