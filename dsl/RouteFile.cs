using Gateway.Dsl.Collections;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Planning;
using Gateway.Dsl.Semantics;
using Gateway.Dsl.Syntax;
using Gateway.Dsl.Text;

namespace Gateway.Dsl;

/// <summary>The language's front door: route-file text in, checked model and match plan (or diagnostics) out.</summary>
public static class RouteFile
{
    /// <summary>Lexes, parses, checks and plans <paramref name="text"/>; never throws for any input.</summary>
    /// <param name="text">The file's contents.</param>
    /// <param name="path">The path printed in diagnostics, e.g. <c>routes.gw</c>.</param>
    public static CheckResult Parse(string text, string path)
    {
        var source = new SourceText(text, path);
        var diagnostics = new DiagnosticBag(source);

        // Each stage reports into the same bag and keeps going; HasErrors gates the next stage.
        var syntax = Parser.Parse(source, diagnostics);
        var syntaxIsClean = !diagnostics.HasErrors;
        var table = Checker.Check(syntax, diagnostics, out var cleanRoutes, out var pluginCalls);
        var plan = table is null || diagnostics.HasErrors ? null : MatchPlanBuilder.Build(table, diagnostics);

        // With errors there is no table, but the routes that checked clean are still planned, for their ties only, so one
        // build reports a tie together with an unrelated error. Only when the file's shape is sound: after a syntax error
        // a block may have lost directives to its neighbour, and its "clean" route a condition.
        if (table is null && syntaxIsClean && cleanRoutes.Count > 1)
        {
            MatchPlanBuilder.Build(
                new RouteTable
                {
                    FilePath = path,
                    Listen = null,
                    Admin = null,
                    Upstreams = EquatableArray<Upstream>.Empty,
                    Routes = cleanRoutes.ToEquatableArray(),
                },
                diagnostics);
        }

        var clean = !diagnostics.HasErrors;
        return new CheckResult
        {
            Table = clean ? table : null,
            Plan = clean ? plan : null,
            Diagnostics = diagnostics.ToSortedArray(),
            PluginCalls = pluginCalls,
        };
    }
}
