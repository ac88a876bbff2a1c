using Gateway.Upstreams;

namespace Gateway.Balancing;

/// <summary><c>balance round_robin</c>: each endpoint in turn.</summary>
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
        return (int)(turn % (uint)endpoints.Length);
    }
}
