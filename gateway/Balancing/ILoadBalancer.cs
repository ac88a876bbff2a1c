using Gateway.Upstreams;

namespace Gateway.Balancing;

/// <summary>Chooses one endpoint of an upstream for a request.</summary>
/// <remarks>Implementations are built once per route-table snapshot and called concurrently; they must not lock.</remarks>
public interface ILoadBalancer
{
    /// <summary>The index of the chosen endpoint in <paramref name="endpoints"/>, or -1 when it is empty.</summary>
    /// <param name="endpoints">The upstream's current endpoints, with their in-flight counts.</param>
    int Pick(ReadOnlySpan<EndpointState> endpoints);

    /// <summary>The index of the chosen endpoint for <paramref name="context"/>'s request; the same as
    /// <see cref="Pick(ReadOnlySpan{EndpointState})"/> unless the balancer reads the request.</summary>
    int Pick(ReadOnlySpan<EndpointState> endpoints, HttpContext context) => Pick(endpoints);
}
