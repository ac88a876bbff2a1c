using System.Collections.Generic;
using System.Linq;
using Gateway.Dsl.Collections;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Semantics;

/// <summary>Gives a parsed route file its meaning: checks names, values and duplicates and builds the <see cref="RouteTable"/>.</summary>
/// <remarks>
/// The checker reads the whole tree even after errors, so one build reports every problem of the file, and returns
/// null when any error was reported (by any stage), along with the routes that checked clean. Precedence and ambiguity
/// between routes are not decided here: <c>Planning/MatchPlanBuilder</c> runs on the checked table, or on the clean
/// routes of a file with errors (see <c>RouteFile.Parse</c>).
/// </remarks>
public static class Checker
{
    /// <summary>Checks <paramref name="syntax"/>, reporting into <paramref name="diagnostics"/>; returns the table, or null on errors.</summary>
    public static RouteTable? Check(RouteFileSyntax syntax, DiagnosticBag diagnostics) => Check(syntax, diagnostics, out _, out _);

    /// <summary>Checks like <see cref="Check(RouteFileSyntax, DiagnosticBag)"/>; <paramref name="cleanRoutes"/> are the
    /// routes whose blocks, names included, reported no error, even when other parts of the file did.</summary>
    /// <remarks>The planner looks for ties among the clean routes of a file with errors, so that a broken upstream or
    /// route does not hide a tie between two good routes until it is fixed. Their <see cref="Route.Index"/> is their
    /// position in <paramref name="cleanRoutes"/>.</remarks>
    /// <param name="syntax">The parsed file.</param>
    /// <param name="diagnostics">Where to report.</param>
    /// <param name="cleanRoutes">The routes whose blocks reported no error.</param>
    /// <param name="pluginCalls">Every <c>plugin</c> line that checked, once, also when the file has errors, so that the
    /// build's check against C# reports in the same round as the file's other errors.</param>
    public static RouteTable? Check(RouteFileSyntax syntax, DiagnosticBag diagnostics, out IReadOnlyList<Route> cleanRoutes, out EquatableArray<PluginCall> pluginCalls)
    {
        var (listen, admin, redis, use) = CheckListeners(syntax, diagnostics);

        // Names first: 'to' and 'use' may refer to an upstream or group defined further down the file.
        var upstreamBlocks = new List<(BlockSyntax Block, string Name)>();
        var routeBlocks = new List<(BlockSyntax Block, string Name, bool NameIsClean)>();
        var policyBlocks = new List<(BlockSyntax Block, string Name)>();
        var upstreamFirst = new Dictionary<string, BlockSyntax>();
        var routeFirst = new Dictionary<string, BlockSyntax>();
        var policyFirst = new Dictionary<string, BlockSyntax>();
        foreach (var block in syntax.Blocks)
        {
            if (block.Keyword.IsWord("upstream"))
            {
                upstreamBlocks.Add((block, CheckName(diagnostics, block, upstreamFirst)));
            }
            else if (block.Keyword.IsWord("route"))
            {
                var before = diagnostics.ErrorCount;
                var name = CheckName(diagnostics, block, routeFirst);
                routeBlocks.Add((block, name, diagnostics.ErrorCount == before));
            }
            else if (block.Keyword.IsWord("policy"))
            {
                policyBlocks.Add((block, CheckName(diagnostics, block, policyFirst)));
            }
            else
            {
                ReportUnknownBlock(diagnostics, block);
            }
        }

        // Every block is checked, duplicates included, so that errors inside a duplicate are not hidden.
        var upstreams = new List<Upstream>();
        foreach (var (block, name) in upstreamBlocks)
        {
            upstreams.Add(UpstreamChecker.Check(diagnostics, block, name));
        }

        var groups = PolicyGroupChecker.Check(diagnostics, policyBlocks, use);

        // Route.Index is the position among the routes; it is what matchers return.
        var routes = new List<Route>();
        var clean = new List<Route>();
        foreach (var (block, name, nameIsClean) in routeBlocks)
        {
            var before = diagnostics.ErrorCount;
            var route = RouteChecker.Check(diagnostics, block, name, routes.Count, upstreamFirst.Keys, groups);
            if (route is not null)
            {
                routes.Add(route);

                // A route built despite an error may lack the condition that failed; planning it could report a false tie.
                if (nameIsClean && diagnostics.ErrorCount == before)
                {
                    clean.Add(route with { Index = clean.Count });
                }
            }
        }

        cleanRoutes = clean;
        pluginCalls = CollectPluginCalls(groups, routes);

        // Any error from any stage, the parser's included, means the table cannot be trusted.
        if (diagnostics.HasErrors)
        {
            return null;
        }

        // A file without routes is usable (upstreams may come before their routes) but matches nothing. Only a clean
        // file gets the warning: after an error, such as a misspelled 'route', it would only repeat the cause.
        if (routeBlocks.Count == 0)
        {
            diagnostics.Warning(
                DiagnosticCode.NoRoutes,
                new TextSpan(0, 0),
                "the file has no routes, so every request gets 404; add a 'route NAME { … }' block");
        }

        return new RouteTable
        {
            FilePath = diagnostics.Source.Path,
            Listen = listen,
            Admin = admin,
            Redis = redis,
            Upstreams = upstreams.ToEquatableArray(),
            Routes = routes.ToEquatableArray(),
            PluginCalls = pluginCalls,
        };
    }

    /// <summary>Every <c>plugin</c> line once, by position: a group's line appears in each route that uses the group, and a
    /// line in a group no route uses appears in none, yet both must be checked once against C#.</summary>
    private static EquatableArray<PluginCall> CollectPluginCalls(PolicyGroups groups, List<Route> routes)
    {
        var byStart = new SortedDictionary<int, PluginCall>();
        foreach (var call in groups.ByName.Values.SelectMany(group => group.Plugins).Concat(routes.SelectMany(route => route.Policies.Plugins)))
        {
            byStart[call.NameSpan.Start] = call;
        }

        return byStart.Values.ToEquatableArray();
    }

    /// <summary>Checks the top-level one-line directives (<c>listen</c>, <c>admin</c>, <c>redis</c>, <c>use</c>) and
    /// reports unknown ones; the <c>use</c> line is returned unread, since its groups may be defined further down.</summary>
    private static (ListenAddress? Listen, ListenAddress? Admin, RedisAddress? Redis, DirectiveSyntax? Use) CheckListeners(RouteFileSyntax syntax, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, DirectiveSyntax>();
        ListenAddress? listen = null;
        ListenAddress? admin = null;
        RedisAddress? redis = null;
        DirectiveSyntax? use = null;
        foreach (var directive in syntax.Directives)
        {
            var shape = DirectiveCatalog.Find(directive.Name, DirectiveLevel.TopLevel);
            if (shape is null)
            {
                DirectiveCatalog.ReportUnknown(diagnostics, directive.Keyword, DirectiveLevel.TopLevel);
                continue;
            }

            if (!DirectiveCatalog.CheckOnce(diagnostics, seen, directive, "a file") || !DirectiveCatalog.CheckArity(diagnostics, directive, shape))
            {
                continue;
            }

            if (directive.Name == "use")
            {
                use = directive;
                continue;
            }

            if (directive.Name == "redis")
            {
                redis = LimitReader.ReadRedis(diagnostics, directive.Arguments[0], TokenChecks.LineOf(diagnostics, directive.Keyword.Span));
                continue;
            }

            // 'listen' and 'admin' take the same form; only the slot differs.
            var address = AddressReader.Read(diagnostics, directive.Arguments[0], TokenChecks.LineOf(diagnostics, directive.Keyword.Span));
            if (directive.Name == "listen")
            {
                listen = address;
            }
            else
            {
                admin = address;
            }
        }

        return (listen, admin, redis, use);
    }

    /// <summary>Checks a block's name and that no earlier block of its kind has it; returns the name ("" when missing).</summary>
    private static string CheckName(DiagnosticBag diagnostics, BlockSyntax block, Dictionary<string, BlockSyntax> first)
    {
        // Routes, upstreams and policy groups have separate name spaces: a route may share its upstream's name.
        var kind = block.Keyword.Text;
        if (block.Name is not { } name)
        {
            // The parser has reported the missing name.
            return string.Empty;
        }

        // A quoted name has been reported by RequireWord; its value still serves as the key.
        var isWord = TokenChecks.RequireWord(diagnostics, name, "a " + kind + " name");
        var key = isWord ? name.Text : name.Value;
        if (isWord && !NameRules.IsBlockName(key))
        {
            diagnostics.Error(
                DiagnosticCode.InvalidName,
                name.Span,
                "'" + key + "' is not a valid " + kind + " name; start with a letter or '_', then use letters, digits, '_', '.' and '-'");
        }
        else if (isWord && first.TryGetValue(key, out var earlier))
        {
            diagnostics.Error(
                kind switch { "route" => DiagnosticCode.DuplicateRoute, "policy" => DiagnosticCode.DuplicatePolicy, _ => DiagnosticCode.DuplicateUpstream },
                name.Span,
                kind + " '" + key + "' is already defined on line " + TokenChecks.LineOf(diagnostics, earlier.Keyword.Span) + "; rename one");
            return key;
        }

        // An invalid or quoted name is still registered, so that 'to NAME' does not add an "undefined" error to the real one.
        if (!first.ContainsKey(key))
        {
            first[key] = block;
        }

        return key;
    }

    /// <summary>Reports a block whose keyword does not open one: a one-line directive with a brace, or an unknown keyword.</summary>
    private static void ReportUnknownBlock(DiagnosticBag diagnostics, BlockSyntax block)
    {
        // 'listen x {' is a known keyword used wrongly: point at the brace. Anything else is an unknown keyword,
        // and its body is skipped rather than checked against rules it was not written for.
        var shape = DirectiveCatalog.Find(block.Keyword.Text, DirectiveLevel.TopLevel);
        if (shape is not null && block.OpenBrace is { } brace)
        {
            diagnostics.Error(DiagnosticCode.UnexpectedOpenBrace, brace.Span, "'" + shape.Keyword + "' does not open a block; write '" + shape.Example + "'");
            return;
        }

        DirectiveCatalog.ReportUnknown(diagnostics, block.Keyword, DirectiveLevel.TopLevel);
    }
}
