using Gateway.Forwarding;
using Gateway.Upstreams;

namespace Gateway.Routing;

/// <summary>One upstream a forwarding route can send to, with the transformer built for it: the host header and the
/// connect timeout may come from the upstream, so each side of a split has its own.</summary>
public sealed class RouteTarget
{
    /// <summary>Pairs <paramref name="pool"/> with the transformer the route uses in front of it.</summary>
    public RouteTarget(UpstreamPool pool, RouteTransformer transformer)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(transformer);
        Pool = pool;
        Transformer = transformer;
    }

    /// <summary>The upstream.</summary>
    public UpstreamPool Pool { get; }

    /// <summary>The route's request and response changes when forwarding to <see cref="Pool"/>.</summary>
    public RouteTransformer Transformer { get; }
}
