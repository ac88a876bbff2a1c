using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Planning;

namespace Gateway.Dsl.Tests.Planning;

/// <summary>The plan's shape (host classes, trie, candidate order) and the GW0301 tie rule.</summary>
public sealed class MatchPlanBuilderTests
{
    private const string Upstream = "upstream u {\n  endpoints http://127.0.0.1:5001\n}\n";

    [Fact]
    public void Build_HostClasses_ExactThenLongestWildcardThenAnyHost()
    {
        var plan = Plan(
            Route("any", "path /"),
            Route("org", "host *.example.org", "path /"),
            Route("eu", "host *.eu.example.org", "path /"),
            Route("exact", "host WWW.Example.org api.example.com", "path /"));

        Assert.Equal(["api.example.com", "www.example.org"], plan.ExactHosts.Select(b => b.Host));
        Assert.Equal([".eu.example.org", ".example.org"], plan.WildcardHosts.Select(b => b.Host));
        Assert.NotNull(plan.AnyHost);
        Assert.Equal("any", Assert.Single(plan.AnyHost!.Terminal).RouteName);
    }

    [Fact]
    public void Build_SegmentKinds_GoToLiteralConstrainedParameterAndCatchAllSlots()
    {
        var plan = Plan(
            Route("me", "path /users/me"),
            Route("by-id", "path /users/{id:int}"),
            Route("by-guid", "path /users/{id:guid}"),
            Route("by-name", "path /users/{name}"),
            Route("rest", "path /users/**"));

        var users = Assert.Single(plan.AnyHost!.Literals);
        Assert.Equal("users", users.Text);
        Assert.Equal("me", Assert.Single(Assert.Single(users.Node.Literals).Node.Terminal).RouteName);
        Assert.Equal(["by-id", "by-guid"], users.Node.Constrained!.Terminal.Select(c => c.RouteName));
        Assert.Equal("by-name", Assert.Single(users.Node.Parameter!.Terminal).RouteName);
        Assert.Equal("rest", Assert.Single(users.Node.CatchAll).RouteName);
        Assert.Equal([new ConstraintCheck(1, Dsl.Model.ParameterConstraint.Int)], users.Node.Constrained.Terminal[0].Constraints);
    }

    [Fact]
    public void Build_SameNode_OrdersByMethodsThenHeadersThenQueryThenPriority()
    {
        var plan = Plan(
            Route("plain", "path /x"),
            Route("low", "path /x", "header a", "priority 1"),
            Route("query", "path /x", "query q"),
            Route("high", "path /x", "header a", "priority 2"),
            Route("get", "method GET", "path /x"),
            Route("two-headers", "path /x", "header a 1", "header b"));

        var order = Assert.Single(plan.AnyHost!.Literals).Node.Terminal.Select(c => c.RouteName);
        Assert.Equal(["get", "two-headers", "high", "low", "query", "plain"], order);
    }

    [Fact]
    public void Build_HeadersWithDifferentNamesOnSamePath_ReportsTieWithExample()
    {
        var result = Parse(Route("version", "path /", "header version two"), Route("color", "path /", "header color blue"));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(
            "test.gw(9,7): error GW0301: routes 'version' (line 4) and 'color' (line 9) both match 'GET /' with header 'version: two' " +
            "and header 'color: blue'; make one more specific or give one 'priority N'",
            diagnostic.ToString());
        Assert.Null(result.Plan);
    }

    [Fact]
    public void Build_TieBrokenByPriority_HasNoDiagnostics()
    {
        var result = Parse(Route("version", "path /", "header version two", "priority 1"), Route("color", "path /", "header color blue"));
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [InlineData("path /users/{id:int}", "path /users/{id:long}", true)]
    [InlineData("path /users/{id:int}", "path /users/{id:guid}", false)]
    [InlineData("path /users/{id:alpha}", "path /users/{id:int}", false)]
    [InlineData("path /users/{a}", "path /users/{b}", true)]
    [InlineData("path /a/**", "path /a/{**rest}", true)]
    public void Build_ConstraintOverlap_DecidesTie(string first, string second, bool tie)
    {
        var result = Parse(Route("first", first), Route("second", second));
        Assert.Equal(tie, result.Diagnostics.Any(d => d.Code == DiagnosticCode.AmbiguousRoutes));
    }

    [Theory]
    [InlineData("method GET", "method POST", false)]
    [InlineData("method GET HEAD", "method HEAD", true)]
    [InlineData("header x 1", "header x 2", false)]
    [InlineData("header x", "header x 2", true)]
    [InlineData("query v 1", "query v 2", false)]
    [InlineData("query v", "query w", true)]
    public void Build_ConditionOverlap_DecidesTie(string first, string second, bool tie)
    {
        var result = Parse(Route("first", "path /p", first), Route("second", "path /p", second));
        Assert.Equal(tie, result.Diagnostics.Any(d => d.Code == DiagnosticCode.AmbiguousRoutes));
    }

    [Fact]
    public void Build_MethodsNamedVersusAnyMethod_IsNotATie()
    {
        var result = Parse(Route("get", "method GET", "path /p"), Route("any", "path /p"));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Build_TieUnderSeveralSharedHosts_ReportedOnce()
    {
        var result = Parse(Route("a", "host x.com y.com", "path /"), Route("b", "host x.com y.com", "path /"));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Contains("'GET x.com/'", diagnostic.Message);
    }

    [Fact]
    public void Build_WildcardTie_ExampleUsesALabelBeforeTheSuffix()
    {
        var result = Parse(Route("a", "host *.example.org", "path /users/{id:int}"), Route("b", "host *.example.org", "path /users/{n:long}"));
        Assert.Contains("both match 'GET a.example.org/users/1'", Assert.Single(result.Diagnostics).Message);
    }

    private static MatchPlan Plan(params string[] routes)
    {
        var result = Parse(routes);
        Assert.Empty(result.Diagnostics);
        return result.Plan!;
    }

    // Every route forwards to one upstream defined on the first three lines, so route lines start at 4.
    private static CheckResult Parse(params string[] routes) => RouteFile.Parse(Upstream + string.Concat(routes), "test.gw");

    private static string Route(string name, params string[] directives) =>
        "route " + name + " {\n" + string.Concat(directives.Select(d => "  " + d + "\n")) + "  to u\n}\n";
}
