using Gateway.Balancing;
using Gateway.Upstreams;

namespace Gateway.Tests.Balancing;

public sealed class RoundRobinBalancerTests
{
    [Fact]
    public void Pick_RepeatedCalls_VisitsEndpointsInOrder()
    {
        var balancer = CreateBalancer();
        var endpoints = Endpoints(3);

        var picks = Enumerable.Range(0, 7).Select(_ => balancer.Pick(endpoints)).ToArray();

        Assert.Equal([0, 1, 2, 0, 1, 2, 0], picks);
    }

    [Fact]
    public void Pick_IgnoresInFlightCounts_StillTakesTurns()
    {
        var balancer = CreateBalancer();
        var endpoints = Endpoints(2);
        endpoints[1].Enter();

        Assert.Equal([0, 1, 0, 1], Enumerable.Range(0, 4).Select(_ => balancer.Pick(endpoints)).ToArray());
    }

    [Fact]
    public void Pick_NoEndpoints_ReturnsMinusOne()
    {
        Assert.Equal(-1, CreateBalancer().Pick([]));
    }

    private static RoundRobinBalancer CreateBalancer() => new();

    private static EndpointState[] Endpoints(int count) =>
        Enumerable.Range(0, count).Select(i => new EndpointState($"http://10.0.0.{i + 1}:80")).ToArray();
}
