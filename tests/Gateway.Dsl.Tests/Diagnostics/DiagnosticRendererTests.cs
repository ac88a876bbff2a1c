using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Tests.Diagnostics;

/// <summary>Golden tests of the rendered form: first line, source line, carets.</summary>
public sealed class DiagnosticRendererTests
{
    [Fact]
    public void Render_UndefinedUpstream_UnderlinesTheName()
    {
        var text = "upstream users {\n  endpoints http://127.0.0.1:5001\n}\n\nroute user-by-id {\n  path /users/{id:int}\n  to user\n}\n";

        var rendered = Render(text, "routes.gw");

        Assert.Equal(
            "routes.gw(7,6): error GW0103: upstream 'user' is not defined; did you mean 'users'?\n" +
            " 7 |   to user\n" +
            "   |      ^^^^\n",
            rendered);
    }

    [Fact]
    public void Render_TwoDigitLine_WidensGutter()
    {
        var text = string.Concat(Enumerable.Repeat("\n", 11)) + "lisen :80\n";

        var rendered = Render(text, "routes.gw");

        Assert.Equal(
            "routes.gw(12,1): error GW0101: unknown directive 'lisen'; did you mean 'listen'? top-level directives are: listen, admin, redis, upstream, policy, route, use\n" +
            " 12 | lisen :80\n" +
            "    | ^^^^^\n",
            rendered);
    }

    [Fact]
    public void Render_TabsBeforeSpan_AreKeptInCaretLine()
    {
        var text = "route r {\n\tpath /a\n\tto u\n}\n";

        var rendered = Render(text, "r.gw");

        Assert.Equal(
            "r.gw(3,5): error GW0103: upstream 'u' is not defined; define it with 'upstream u { endpoints … }'\n" +
            " 3 | \tto u\n" +
            "   | \t   ^\n",
            rendered);
    }

    [Fact]
    public void Render_EmptySpan_ShowsOneCaret()
    {
        var source = new SourceText("route r\n", "r.gw");
        var bag = new DiagnosticBag(source);
        bag.Error(DiagnosticCode.MissingOpenBrace, new TextSpan(7, 0), "expected '{' after 'route r'; write 'route r {'");

        var rendered = DiagnosticRenderer.Render(bag.Items[0], source);

        Assert.Equal(
            "r.gw(1,8): error GW0007: expected '{' after 'route r'; write 'route r {'\n" +
            " 1 | route r\n" +
            "   |        ^\n",
            rendered);
    }

    [Fact]
    public void Render_SpanOverLineBreak_UnderlinesToEndOfFirstLine()
    {
        var source = new SourceText("ab\ncd\n", "r.gw");
        var bag = new DiagnosticBag(source);
        bag.Error("GW9999", new TextSpan(1, 4), "m");

        var rendered = DiagnosticRenderer.Render(bag.Items[0], source);

        Assert.Equal("r.gw(1,2): error GW9999: m\n 1 | ab\n   |  ^\n", rendered);
    }

    [Fact]
    public void Render_SeveralDiagnostics_RendersEachInOrder()
    {
        var text = "listen :0\nadmin x\n";

        var rendered = Render(text, "r.gw");

        Assert.Equal(
            "r.gw(1,8): error GW0208: address ':0' has no host; write a host and a port, e.g. '0.0.0.0:8080'\n" +
            " 1 | listen :0\n" +
            "   |        ^\n" +
            "r.gw(2,7): error GW0208: 'x' is a host name, and the gateway binds IP addresses only; write '0.0.0.0:8080' to listen on every interface, or an IP address of this machine\n" +
            " 2 | admin x\n" +
            "   |       ^\n",
            rendered);
    }

    [Fact]
    public void RenderLines_SeveralDiagnostics_ReturnsThreeLinesEachWithoutLineBreaks()
    {
        var text = "listen :0\nadmin x\n";
        var result = RouteFile.Parse(text, "r.gw");

        var lines = DiagnosticRenderer.RenderLines(result.Diagnostics, new SourceText(text, "r.gw"));

        Assert.Equal(
            [
                "r.gw(1,8): error GW0208: address ':0' has no host; write a host and a port, e.g. '0.0.0.0:8080'",
                " 1 | listen :0",
                "   |        ^",
                "r.gw(2,7): error GW0208: 'x' is a host name, and the gateway binds IP addresses only; write '0.0.0.0:8080' to listen on every interface, or an IP address of this machine",
                " 2 | admin x",
                "   |       ^",
            ],
            lines);
    }

    [Fact]
    public void RenderLines_NoDiagnostics_ReturnsNoLines()
    {
        var lines = DiagnosticRenderer.RenderLines([], new SourceText("route r {\n}\n", "r.gw"));

        Assert.Empty(lines);
    }

    private static string Render(string text, string path)
    {
        var result = RouteFile.Parse(text, path);
        return DiagnosticRenderer.Render(result.Diagnostics, new SourceText(text, path));
    }
}
