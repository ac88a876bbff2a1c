using Gateway.Balancing;
using Gateway.Dsl.Model;

namespace Gateway.Upstreams;

/// <summary>An upstream at run time: its current endpoints and the balancer that chooses among them.</summary>
/// <remarks>Built from the checked <see cref="Upstream"/> and kept by <see cref="UpstreamRegistry"/> across snapshots
/// while the definition stays the same; routes share it by reference.</remarks>
public sealed class UpstreamPool
{
    /// <summary>Creates a pool with explicit parts.</summary>
    public UpstreamPool(Upstream definition, UpstreamEndpoints endpoints, ILoadBalancer balancer)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(balancer);
        Definition = definition;
        Name = definition.Name;
        Endpoints = endpoints;
        Balancer = balancer;
    }

    /// <summary>The checked definition the pool was built from.</summary>
    public Upstream Definition { get; }

    /// <summary>The upstream's name from the route file.</summary>
    public string Name { get; }

    /// <summary>The endpoints; discovery replaces them as a whole.</summary>
    public UpstreamEndpoints Endpoints { get; }

    /// <summary>The balancer for the upstream's <c>balance</c> mode.</summary>
    public ILoadBalancer Balancer { get; }

    /// <summary>Builds the pool for a checked upstream: its static endpoints and a fresh balancer.</summary>
    public static UpstreamPool From(Upstream upstream)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        return new UpstreamPool(upstream, new UpstreamEndpoints(upstream.Endpoints), LoadBalancerFactory.Create(upstream.Balance));
    }

    /// <summary>The endpoint for one request, or null when the upstream has none (the caller answers 503).</summary>
    public EndpointState? Pick()
    {
        // Read the array once: the balancer and the indexer must see the same set.
        var endpoints = Endpoints.Current;
        var index = Balancer.Pick(endpoints);
        return (uint)index < (uint)endpoints.Length ? endpoints[index] : null;
    }
}
