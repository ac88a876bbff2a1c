using Gateway.Balancing;
using Gateway.Upstreams;

namespace Gateway.Tests.Balancing;

public sealed class LeastRequestsBalancerTests
{
    [Fact]
    public void Pick_UnevenLoad_ChoosesLeastLoaded()
    {
        var balancer = CreateBalancer();
        var endpoints = Endpoints(inFlight: [4, 1, 3]);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(1, balancer.Pick(endpoints));
        }
    }

    [Fact]
    public void Pick_AllIdle_SpreadsTiesOverEveryEndpoint()
    {
        var balancer = CreateBalancer();
        var endpoints = Endpoints(inFlight: [0, 0, 0]);

        var picked = Enumerable.Range(0, 6).Select(_ => balancer.Pick(endpoints)).ToHashSet();

        Assert.Equal([0, 1, 2], picked.Order());
    }

    [Fact]
    public void Pick_LoadChangesBetweenCalls_FollowsTheCounts()
    {
        var balancer = CreateBalancer();
        var endpoints = Endpoints(inFlight: [0, 2]);
        Assert.Equal(0, balancer.Pick(endpoints));

        endpoints[0].Enter();
        endpoints[0].Enter();
        endpoints[0].Enter();

        Assert.Equal(1, balancer.Pick(endpoints));
    }

    [Fact]
    public void Pick_NoEndpoints_ReturnsMinusOne()
    {
        Assert.Equal(-1, CreateBalancer().Pick([]));
    }

    private static LeastRequestsBalancer CreateBalancer() => new();

    private static EndpointState[] Endpoints(int[] inFlight) => inFlight.Select((count, i) =>
    {
        var endpoint = new EndpointState($"http://10.0.0.{i + 1}:80");
        for (var n = 0; n < count; n++)
        {
            endpoint.Enter();
        }

        return endpoint;
    }).ToArray();
}
