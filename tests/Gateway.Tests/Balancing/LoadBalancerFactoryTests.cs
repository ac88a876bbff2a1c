using Gateway.Balancing;
using Gateway.Dsl.Model;

namespace Gateway.Tests.Balancing;

public sealed class LoadBalancerFactoryTests
{
    [Theory]
    [InlineData(BalanceMode.RoundRobin, typeof(RoundRobinBalancer))]
    [InlineData(BalanceMode.LeastRequests, typeof(LeastRequestsBalancer))]
    [InlineData(BalanceMode.PowerOfTwo, typeof(PowerOfTwoChoicesBalancer))]
    [InlineData(BalanceMode.Random, typeof(RandomBalancer))]
    [InlineData(BalanceMode.Hash, typeof(HashBalancer))]
    public void Create_EachMode_ReturnsItsBalancer(BalanceMode mode, Type expected)
    {
        Assert.IsType(expected, Create(mode));
    }

    [Fact]
    public void Create_EveryModeOfTheDsl_IsImplemented()
    {
        // The catalog guard: a new BalanceMode in dsl must get a balancer here.
        Assert.All(Enum.GetValues<BalanceMode>(), mode => Assert.NotNull(Create(mode)));
    }

    [Fact]
    public void Create_TwoCalls_ReturnSeparateInstances()
    {
        Assert.NotSame(Create(BalanceMode.RoundRobin), Create(BalanceMode.RoundRobin));
    }

    // Every mode gets a key; only hash reads it.
    private static ILoadBalancer Create(BalanceMode mode) => LoadBalancerFactory.Create(mode, new HashKey { Kind = HashKeyKind.ClientIp });
}
