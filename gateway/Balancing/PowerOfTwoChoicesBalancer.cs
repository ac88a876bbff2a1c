using Gateway.Upstreams;

namespace Gateway.Balancing;

/// <summary><c>balance power_of_two</c> (the default): two distinct endpoints at random, the one with fewer requests in flight.</summary>
/// <remarks>Close to least-requests in effect at O(1) cost, and it avoids the herd that a strict least-requests scan sends
/// to one newly idle endpoint (Mitzenmacher, "The Power of Two Choices"; YARP's default policy).</remarks>
public sealed class PowerOfTwoChoicesBalancer : ILoadBalancer
{
    private readonly Random _random;

    /// <summary>Uses <paramref name="random"/>, or the thread-safe <see cref="Random.Shared"/> when null.</summary>
    /// <remarks>A seeded <see cref="Random"/> is not thread-safe; pass one only from single-threaded tests.</remarks>
    public PowerOfTwoChoicesBalancer(Random? random = null) => _random = random ?? Random.Shared;

    /// <inheritdoc/>
    public int Pick(ReadOnlySpan<EndpointState> endpoints)
    {
        switch (endpoints.Length)
        {
            case 0:
                return -1;
            case 1:
                return 0;
        }

        if (!Weights.Uniform(endpoints))
        {
            // Two draws in proportion to weight, then the less loaded per unit of weight.
            var total = Weights.Total(endpoints);
            var a = Weights.At(endpoints, _random.Next(total));
            var b = Weights.At(endpoints, _random.Next(total));
            return Weights.LessLoaded(endpoints[b], endpoints[a]) ? b : a;
        }

        // Draw the second index from the other n-1 endpoints so the two are always distinct.
        var first = _random.Next(endpoints.Length);
        var second = _random.Next(endpoints.Length - 1);
        if (second >= first)
        {
            second++;
        }

        return endpoints[second].InFlight < endpoints[first].InFlight ? second : first;
    }
}
