using Gateway.Upstreams;

namespace Gateway.Balancing;

/// <summary><c>balance round_robin</c>: each endpoint in turn; a weighted endpoint gets as many turns in a row as its
/// weight (with weights 3 and 1: A A A B A A A B …).</summary>
public sealed class RoundRobinBalancer : ILoadBalancer
{
    // Starts at -1 so that the first pick is endpoint 0; wraps harmlessly because it is read as unsigned.
    private int _next = -1;

    /// <inheritdoc/>
    public int Pick(ReadOnlySpan<EndpointState> endpoints)
    {
        if (endpoints.IsEmpty)
        {
            return -1;
        }

        var turn = (uint)Interlocked.Increment(ref _next);
        return Weights.Uniform(endpoints)
            ? (int)(turn % (uint)endpoints.Length)
            : Weights.At(endpoints, (int)(turn % (uint)Weights.Total(endpoints)));
    }
}
