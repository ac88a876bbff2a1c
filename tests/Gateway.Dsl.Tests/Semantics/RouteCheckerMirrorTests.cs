using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Semantics;
using Gateway.Dsl.Syntax;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Tests.Semantics;

/// <summary>The model of <c>mirror UPSTREAM P%</c>; its errors are in the case file <c>invalid-mirror</c>.</summary>
public sealed class RouteCheckerMirrorTests
{
    private const string Upstreams =
        "upstream a {\n  endpoints http://127.0.0.1:5001\n}\n" +
        "upstream b {\n  endpoints http://127.0.0.1:5002\n}\n";

    [Theory]
    [InlineData("to a\n  mirror b 25%")]
    [InlineData("mirror b 25%\n  to a")]
    [InlineData("to a 90 b 10\n  mirror b 25%")]
    public void Check_Mirror_JoinsTheForwardingAction(string lines)
    {
        var action = ActionOf(lines);

        Assert.Equal(new TrafficMirror { Upstream = "b", Percent = 25 }, action.Mirror);
    }

    [Fact]
    public void Check_MirrorToUndefinedUpstream_ReportsTheName()
    {
        var (table, diagnostics) = Check(Upstreams + "route r {\n  path /\n  to a\n  mirror c 5%\n}\n");

        Assert.Null(table);
        Assert.Equal(DiagnosticCode.UndefinedUpstream, Assert.Single(diagnostics.Items).Code);
    }

    private static RouteAction ActionOf(string lines)
    {
        var (table, diagnostics) = Check(Upstreams + "route r {\n  path /\n  " + lines + "\n}\n");
        Assert.Empty(diagnostics.Items.Select(d => d.ToString()));
        return table!.Routes[0].Action;
    }

    private static (RouteTable? Table, DiagnosticBag Diagnostics) Check(string text)
    {
        var diagnostics = new DiagnosticBag(new SourceText(text, "test.gw"));
        var syntax = Parser.Parse(diagnostics.Source, diagnostics);
        return (Checker.Check(syntax, diagnostics), diagnostics);
    }
}
