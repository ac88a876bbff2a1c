using Gateway.Dsl.Collections;
using Gateway.Dsl.Model;
using Gateway.Forwarding;
using Gateway.Pipeline;
using Gateway.Routing;
using Gateway.Upstreams;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests.Routing;

/// <summary>How a split chooses a side: its weights' ranges, pins first, then the sticky key.</summary>
public sealed class UpstreamSplitTests
{
    [Theory]
    [InlineData(0, "a")]
    [InlineData(89, "a")]
    [InlineData(90, "b")]
    [InlineData(99, "b")]
    public void At_Point_FallsInItsSidesRange(int point, string side)
    {
        var split = CreateSplit(new RouteAction { Kind = RouteActionKind.Forward });

        Assert.Equal(100, split.TotalWeight);
        Assert.Equal(side, split.At(point).Pool.Name);
    }

    [Fact]
    public void Select_PinnedHeader_WinsOverStickyKey()
    {
        var split = CreateSplit(new RouteAction
        {
            Kind = RouteActionKind.Forward,
            Sticky = new StickyKey { Kind = StickyKeyKind.Header, Name = "X-User" },
            Pins = new[] { new UpstreamPin { Upstream = "b", Source = PinSource.Header, Name = "x-canary", Value = "1" } }.ToEquatableArray(),
        });

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal("b", split.Select(Request(("X-User", "u" + i), ("X-Canary", "1"))).Pool.Name);
        }
    }

    [Fact]
    public void Select_StickyKey_AlwaysTheSideOfItsHash()
    {
        var split = CreateSplit(new RouteAction { Kind = RouteActionKind.Forward, Sticky = new StickyKey { Kind = StickyKeyKind.Header, Name = "X-User" } });

        for (var i = 0; i < 50; i++)
        {
            var key = "u" + i;
            var expected = split.At(StickyHash.Point(StickyHash.Of(key), 100)).Pool.Name;
            Assert.Equal(expected, split.Select(Request(("X-User", key))).Pool.Name);
        }
    }

    private static UpstreamSplit CreateSplit(RouteAction rules)
    {
        var action = rules with
        {
            Upstream = "a",
            Split = new[] { new WeightedUpstream { Upstream = "a", Weight = 90 }, new WeightedUpstream { Upstream = "b", Weight = 10 } }.ToEquatableArray(),
        };
        var targets = action.Split.Select(side => new RouteTarget(UpstreamPool.From(Upstream(side.Upstream)), RouteTransformer.Unchanged)).ToArray();
        return new UpstreamSplit(action, targets);
    }

    private static Upstream Upstream(string name) =>
        new() { Name = name, Endpoints = new[] { "http://127.0.0.1:1" }.ToEquatableArray(), Balance = BalanceMode.RoundRobin, Line = 1 };

    private static RequestContext Request(params (string Name, string Value)[] headers)
    {
        var http = new DefaultHttpContext();
        foreach (var (name, value) in headers)
        {
            http.Request.Headers[name] = value;
        }

        return new RequestContext(http, null);
    }
}
