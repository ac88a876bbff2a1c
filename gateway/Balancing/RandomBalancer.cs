using Gateway.Upstreams;

namespace Gateway.Balancing;

/// <summary><c>balance random</c>: at random, in proportion to the endpoints' weights.</summary>
public sealed class RandomBalancer : ILoadBalancer
{
    private readonly Random _random;

    /// <summary>Uses <paramref name="random"/>, or the thread-safe <see cref="Random.Shared"/> when null.</summary>
    /// <remarks>A seeded <see cref="Random"/> is not thread-safe; pass one only from single-threaded tests.</remarks>
    public RandomBalancer(Random? random = null) => _random = random ?? Random.Shared;

    /// <inheritdoc/>
    public int Pick(ReadOnlySpan<EndpointState> endpoints) =>
        endpoints.IsEmpty ? -1
        : Weights.Uniform(endpoints) ? _random.Next(endpoints.Length)
        : Weights.At(endpoints, _random.Next(Weights.Total(endpoints)));
}
