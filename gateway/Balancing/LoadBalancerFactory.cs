using Gateway.Dsl.Model;

namespace Gateway.Balancing;

/// <summary>Builds the balancer for a <c>balance</c> mode; one new instance per upstream per snapshot.</summary>
public static class LoadBalancerFactory
{
    /// <summary>A fresh balancer for <paramref name="mode"/>; each upstream gets its own so round-robin turns are per upstream.</summary>
    public static ILoadBalancer Create(BalanceMode mode, HashKey? hashKey = null) => mode switch
    {
        BalanceMode.Hash => new HashBalancer(hashKey ?? throw new ArgumentNullException(nameof(hashKey), "balance hash needs its key; the checker requires one.")),
        BalanceMode.RoundRobin => new RoundRobinBalancer(),
        BalanceMode.LeastRequests => new LeastRequestsBalancer(),
        BalanceMode.Random => new RandomBalancer(),
        BalanceMode.PowerOfTwo => new PowerOfTwoChoicesBalancer(),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown balance mode; the checker admits only the five above."),
    };
}
