using Gateway.Dsl.Diagnostics;

namespace Gateway.Dsl.Tests;

/// <summary>The front door's staging: which diagnostics one build reports together, and when a table and plan come out.</summary>
public sealed class RouteFileTests
{
    private const string Users = "upstream users {\n  endpoints http://127.0.0.1:5001\n}\n";

    // Two routes that tie: one request with both headers satisfies both, and neither is more specific.
    private const string Tie =
        "route a {\n  path /users\n  header version two\n  to users\n}\n" +
        "route b {\n  path /users\n  header color blue\n  to users\n}\n";

    [Theory]
    [InlineData("upstream broken {\n  balance fastest\n}\n", DiagnosticCode.UnknownBalanceMode)]
    [InlineData("route c {\n  path /c/{id:number}\n  to nowhere\n}\n", DiagnosticCode.UnknownConstraint)]
    [InlineData("listen 8080\n", DiagnosticCode.InvalidAddress)]
    [InlineData("route a {\n  path /other\n  respond 200\n}\n", DiagnosticCode.DuplicateRoute)]
    public void Parse_TieAndAnUnrelatedError_ReportsBothAndNoTable(string elsewhere, string code)
    {
        // Before, the planner ran only on a clean file: the tie surfaced one build after the other error was fixed.
        var result = RouteFile.Parse(Users + Tie + elsewhere, "t.gw");

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.AmbiguousRoutes);
        Assert.Contains(result.Diagnostics, d => d.Code == code);
        Assert.Null(result.Table);
        Assert.Null(result.Plan);
    }

    [Fact]
    public void Parse_TiedRouteWithItsOwnError_ReportsOnlyThatError()
    {
        // 'a' lost its header to the error; planning it anyway would report a tie that the author did not write.
        var text = Users + Tie.Replace("header version two", "header version(1) two", StringComparison.Ordinal);

        var diagnostic = Assert.Single(RouteFile.Parse(text, "t.gw").Diagnostics);

        Assert.Equal(DiagnosticCode.InvalidHeaderName, diagnostic.Code);
    }

    [Fact]
    public void Parse_TieAndASyntaxError_ReportsOnlyTheSyntaxError()
    {
        // After a syntax error a block may have lost lines to its neighbour, so its routes are not planned.
        var diagnostic = Assert.Single(RouteFile.Parse(Users + Tie + "}\n", "t.gw").Diagnostics);

        Assert.Equal(DiagnosticCode.UnexpectedCloseBrace, diagnostic.Code);
    }

    [Fact]
    public void Parse_CleanFile_HasTableAndPlan()
    {
        var result = RouteFile.Parse(Users + "route a {\n  path /users\n  to users\n}\n", "t.gw");

        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Table);
        Assert.NotNull(result.Plan);
    }
}
