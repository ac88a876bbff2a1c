using Gateway.Balancing;
using Gateway.Upstreams;

namespace Gateway.Tests.Balancing;

public sealed class RandomBalancerTests
{
    [Fact]
    public void Pick_ManyCalls_CoversEveryEndpointRoughlyEvenly()
    {
        var balancer = CreateBalancer(seed: 42);
        var endpoints = Endpoints(4);
        var counts = new int[endpoints.Length];

        for (var i = 0; i < 4000; i++)
        {
            counts[balancer.Pick(endpoints)]++;
        }

        // Expected 1000 each; a fair draw stays within ±200 with overwhelming probability (σ ≈ 27).
        Assert.All(counts, count => Assert.InRange(count, 800, 1200));
    }

    [Fact]
    public void Pick_DefaultRandom_StaysInRange()
    {
        var balancer = new RandomBalancer();
        var endpoints = Endpoints(3);

        Assert.All(Enumerable.Range(0, 100).Select(_ => balancer.Pick(endpoints)), pick => Assert.InRange(pick, 0, 2));
    }

    [Fact]
    public void Pick_NoEndpoints_ReturnsMinusOne()
    {
        Assert.Equal(-1, CreateBalancer(seed: 1).Pick([]));
    }

    private static RandomBalancer CreateBalancer(int seed) => new(new Random(seed));

    private static EndpointState[] Endpoints(int count) =>
        Enumerable.Range(0, count).Select(i => new EndpointState($"http://10.0.0.{i + 1}:80")).ToArray();
}
