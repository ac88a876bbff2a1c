using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Semantics;
using Gateway.Dsl.Syntax;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Tests.Semantics;

/// <summary>The model of a route's weighted split, its sticky key and its pins; the errors are in the case files
/// <c>invalid-split</c> and <c>invalid-sticky-and-pin</c>.</summary>
public sealed class RouteCheckerSplitTests
{
    private const string Upstreams =
        "upstream a {\n  endpoints http://127.0.0.1:5001\n}\n" +
        "upstream b {\n  endpoints http://127.0.0.1:5002\n}\n";

    [Fact]
    public void Check_SingleUpstream_HasNoSplit()
    {
        var action = ActionOf("to a");

        Assert.Equal(new RouteAction { Kind = RouteActionKind.Forward, Upstream = "a" }, action);
        Assert.Empty(action.Split);
    }

    [Fact]
    public void Check_WeightedSplit_KeepsSidesInOrderAndFirstAsUpstream()
    {
        var action = ActionOf("to b 10 a 090");

        Assert.Equal("b", action.Upstream);
        Assert.Equal(new[] { new WeightedUpstream { Upstream = "b", Weight = 10 }, new WeightedUpstream { Upstream = "a", Weight = 90 } }, action.Split);
        Assert.Null(action.Sticky);
        Assert.Empty(action.Pins);
    }

    [Theory]
    [InlineData("header X-User", StickyKeyKind.Header, "X-User")]
    [InlineData("cookie session", StickyKeyKind.Cookie, "session")]
    [InlineData("claim sub", StickyKeyKind.Claim, "sub")]
    [InlineData("client_ip", StickyKeyKind.ClientIp, null)]
    public void Check_StickyKey_IsReadBeforeOrAfterTheSplit(string key, StickyKeyKind kind, string? name)
    {
        // A claim is read from the validated token, so that route needs a jwt block (GW0235 otherwise).
        var jwt = kind == StickyKeyKind.Claim ? "\n  jwt {\n    issuer https://login.example.com/\n    audience api\n    key-file /etc/gateway/jwt.pem\n  }" : string.Empty;
        var after = ActionOf("to a 90 b 10\n  sticky by " + key + jwt);
        var before = ActionOf("sticky by " + key + "\n  to a 90 b 10" + jwt);

        Assert.Equal(new StickyKey { Kind = kind, Name = name }, after.Sticky);
        Assert.Equal(after, before);
    }

    [Fact]
    public void Check_Pins_AreKeptInOrderWritten()
    {
        var action = ActionOf("to a 90 b 10\n  pin b header X-Canary 1\n  pin a cookie canary \"off now\"");

        Assert.Equal(
            new[]
            {
                new UpstreamPin { Upstream = "b", Source = PinSource.Header, Name = "X-Canary", Value = "1" },
                new UpstreamPin { Upstream = "a", Source = PinSource.Cookie, Name = "canary", Value = "off now" },
            },
            action.Pins);
    }

    [Fact]
    public void Check_PinOnUndefinedUpstream_ReportsOnlyTheName()
    {
        var errors = Errors(Upstreams + "route r {\n  path /\n  to a 90 b 10\n  pin c header X-Canary 1\n}\n");

        var error = Assert.Single(errors);
        Assert.Equal(DiagnosticCode.UndefinedUpstream, error.Code);
    }

    [Fact]
    public void Check_SplitWithUndefinedUpstream_ReportsItOnceAndNotThePins()
    {
        var errors = Errors(Upstreams + "route r {\n  path /\n  to a 90 c 10\n  pin a header X-Canary 1\n  sticky by client_ip\n}\n");

        var error = Assert.Single(errors);
        Assert.Equal(DiagnosticCode.UndefinedUpstream, error.Code);
    }

    private static RouteAction ActionOf(string lines)
    {
        var (table, diagnostics) = Check(Upstreams + "route r {\n  path /\n  " + lines + "\n}\n");
        Assert.Empty(diagnostics.Items.Select(d => d.ToString()));
        return table!.Routes[0].Action;
    }

    private static IReadOnlyList<Diagnostic> Errors(string text) => Check(text).Diagnostics.ToSortedArray().ToList();

    private static (RouteTable? Table, DiagnosticBag Diagnostics) Check(string text)
    {
        var diagnostics = new DiagnosticBag(new SourceText(text, "test.gw"));
        var syntax = Parser.Parse(diagnostics.Source, diagnostics);
        return (Checker.Check(syntax, diagnostics), diagnostics);
    }
}
