using Gateway.Upstreams;

namespace Gateway.Balancing;

/// <summary><c>balance least_requests</c>: the endpoint with the fewest requests in flight, per unit of weight when the
/// endpoints are weighted.</summary>
/// <remarks>
/// Scans every endpoint, so it costs O(n) per request; upstreams have few endpoints. The scan starts one place further
/// on each call so that ties (an idle upstream has all counts at 0) spread over the endpoints instead of all landing
/// on the first one, which is what a plain first-minimum scan does.
/// </remarks>
public sealed class LeastRequestsBalancer : ILoadBalancer
{
    private int _start = -1;

    /// <inheritdoc/>
    public int Pick(ReadOnlySpan<EndpointState> endpoints)
    {
        if (endpoints.IsEmpty)
        {
            return -1;
        }

        var first = (int)((uint)Interlocked.Increment(ref _start) % (uint)endpoints.Length);
        if (!Weights.Uniform(endpoints))
        {
            // The scan starts at a place chosen in proportion to weight, so ties spread as the weights say.
            var total = Weights.Total(endpoints);
            first = Weights.At(endpoints, (int)((uint)Volatile.Read(ref _start) % (uint)total));
            var lightest = first;
            for (var step = 1; step < endpoints.Length; step++)
            {
                var index = (first + step) % endpoints.Length;
                if (Weights.LessLoaded(endpoints[index], endpoints[lightest]))
                {
                    lightest = index;
                }
            }

            return lightest;
        }

        var best = first;
        var bestCount = endpoints[first].InFlight;
        for (var step = 1; step < endpoints.Length && bestCount > 0; step++)
        {
            var index = (first + step) % endpoints.Length;
            var count = endpoints[index].InFlight;
            if (count < bestCount)
            {
                best = index;
                bestCount = count;
            }
        }

        return best;
    }
}
