using Gateway.Dsl.Diagnostics;
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
        var table = Checker.Check(syntax, diagnostics);
        var plan = table is null || diagnostics.HasErrors ? null : MatchPlanBuilder.Build(table, diagnostics);
        var clean = !diagnostics.HasErrors;
        return new CheckResult
        {
            Table = clean ? table : null,
            Plan = clean ? plan : null,
            Diagnostics = diagnostics.ToSortedArray(),
        };
    }
}
