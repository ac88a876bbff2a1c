using Gateway.Balancing;
using Gateway.Dsl.Collections;
using Gateway.Dsl.Model;
using Gateway.Upstreams;

namespace Gateway.Tests.Upstreams;

public sealed class UpstreamPoolTests
{
    [Fact]
    public void From_Upstream_UsesItsEndpointsAndBalanceMode()
    {
        var pool = CreatePool(BalanceMode.RoundRobin, "http://a:1", "http://b:2");

        Assert.Equal("users", pool.Name);
        Assert.IsType<RoundRobinBalancer>(pool.Balancer);
        Assert.Equal(["http://a:1", "http://b:2", "http://a:1"], Enumerable.Range(0, 3).Select(_ => pool.Pick()!.Address));
    }

    [Fact]
    public void Pick_EndpointsReplacedWithNone_ReturnsNull()
    {
        var pool = CreatePool(BalanceMode.PowerOfTwo, "http://a:1");

        pool.Endpoints.Replace([]);

        Assert.Null(pool.Pick());
    }

    private static UpstreamPool CreatePool(BalanceMode mode, params string[] endpoints) => UpstreamPool.From(new Upstream
    {
        Name = "users",
        Endpoints = endpoints.ToEquatableArray(),
        Balance = mode,
        Line = 1,
    });
}
