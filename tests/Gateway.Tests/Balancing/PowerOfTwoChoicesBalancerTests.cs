using Gateway.Balancing;
using Gateway.Upstreams;

namespace Gateway.Tests.Balancing;

public sealed class PowerOfTwoChoicesBalancerTests
{
    [Fact]
    public void Pick_ThreeEndpoints_NeverChoosesTheMostLoaded()
    {
        var balancer = CreateBalancer(seed: 1);
        var endpoints = Endpoints(inFlight: [5, 0, 9]);

        var picks = Enumerable.Range(0, 1000).Select(_ => balancer.Pick(endpoints)).ToArray();

        Assert.DoesNotContain(2, picks);
        Assert.Contains(0, picks);
        Assert.Contains(1, picks);
    }

    [Fact]
    public void Pick_TwoEndpoints_AlwaysChoosesTheLessLoaded()
    {
        var balancer = CreateBalancer(seed: 2);
        var endpoints = Endpoints(inFlight: [3, 1]);

        Assert.All(Enumerable.Range(0, 200).Select(_ => balancer.Pick(endpoints)), pick => Assert.Equal(1, pick));
    }

    [Fact]
    public void Pick_EqualLoad_CoversEveryEndpoint()
    {
        var balancer = CreateBalancer(seed: 3);
        var endpoints = Endpoints(inFlight: [0, 0, 0, 0]);

        var picked = Enumerable.Range(0, 400).Select(_ => balancer.Pick(endpoints)).ToHashSet();

        Assert.Equal([0, 1, 2, 3], picked.Order());
    }

    [Fact]
    public void Pick_OneEndpoint_ReturnsIt()
    {
        Assert.Equal(0, CreateBalancer(seed: 4).Pick(Endpoints(inFlight: [7])));
    }

    [Fact]
    public void Pick_NoEndpoints_ReturnsMinusOne()
    {
        Assert.Equal(-1, CreateBalancer(seed: 5).Pick([]));
    }

    private static PowerOfTwoChoicesBalancer CreateBalancer(int seed) => new(new Random(seed));

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
