using Gateway.Dsl.Model;
using Gateway.Forwarding;
using Gateway.Pipeline;
using Gateway.Policies;
using Gateway.Responses;
using Gateway.Upstreams;
using Yarp.ReverseProxy.Forwarder;
using Route = Gateway.Dsl.Model.Route;

namespace Gateway.Routing;

/// <summary>A route's run-time parts, built once per snapshot: its policies, and what the gateway does after they let
/// the request through.</summary>
/// <remarks>Exactly one of <see cref="Respond"/>, <see cref="Redirect"/> and <see cref="Upstream"/> is set, as the
/// route's action says. A forwarding route has its own transformer and forwarding settings: nothing process-wide
/// stands in for a route's choices.</remarks>
public sealed class RouteEntry
{
    private readonly IResponsePolicy[] _responsePolicies;

    private RouteEntry(Route route, RoutePolicySet policies, RespondTemplate? respond, RedirectResponse? redirect, UpstreamPool? upstream,
        RouteTransformer transformer, ForwarderRequestConfig requestConfig)
    {
        Route = route;
        Policies = policies.Chain;
        Cors = policies.Cors;
        _responsePolicies = policies.Response.ToArray();
        Respond = respond;
        Redirect = redirect;
        Upstream = upstream;
        Transformer = transformer;
        RequestConfig = requestConfig;
    }

    /// <summary>The checked route.</summary>
    public Route Route { get; }

    /// <summary>The route's name, for logs.</summary>
    public string Name => Route.Name;

    /// <summary>The request policies, run in order before the action.</summary>
    public PolicyChain Policies { get; }

    /// <summary>The route's CORS policy, or null when the route has no <c>cors</c>.</summary>
    public CorsPolicy? Cors { get; }

    /// <summary>The body to answer with, for a <c>respond</c> route; otherwise null.</summary>
    public RespondTemplate? Respond { get; }

    /// <summary>Where to send the client, for a <c>redirect</c> route; otherwise null.</summary>
    public RedirectResponse? Redirect { get; }

    /// <summary>The upstream to forward to, for a <c>to</c> route; otherwise null.</summary>
    public UpstreamPool? Upstream { get; }

    /// <summary>The shadow upstream of the route's <c>mirror</c>, or null.</summary>
    public UpstreamPool? Mirror { get; private init; }

    /// <summary>The upstream this request goes to: <see cref="Upstream"/>, for a route with one.</summary>
    public UpstreamPool? SelectUpstream(RequestContext request) => Upstream;

    /// <summary>The route's request and response changes when forwarding.</summary>
    public RouteTransformer Transformer { get; }

    /// <summary>The route's forwarding settings (the inactivity timeout, HTTP version).</summary>
    public ForwarderRequestConfig RequestConfig { get; }

    /// <summary>The most time the whole upstream exchange may take (<c>timeout</c>); null for no such bound.</summary>
    public TimeSpan? Timeout => Route.Policies.Timeout;

    /// <summary>Whether the route explicitly accepts <paramref name="method"/> (not merely every method).</summary>
    public bool Names(MethodSet method) => (Route.Methods & method) != 0;

    /// <summary>Runs the response policies (header edits, CORS) on the response about to be sent.</summary>
    public void ApplyResponsePolicies(RequestContext context)
    {
        foreach (var policy in _responsePolicies)
        {
            policy.Apply(context);
        }
    }

    /// <summary>Builds the entry for <paramref name="route"/>, finding its upstream among <paramref name="upstreams"/>.</summary>
    /// <param name="route">The checked route.</param>
    /// <param name="upstreams">The snapshot's upstreams by name.</param>
    /// <param name="policies">Builds the route's policies.</param>
    /// <param name="defaults">The process-wide forwarding settings, the route's unless it says otherwise.</param>
    /// <param name="redis">The route file's <c>redis</c> address, for a global rate limit; or null.</param>
    /// <exception cref="InvalidOperationException">The route names an upstream that is not there; the checker prevents this.</exception>
    public static RouteEntry Create(Route route, IReadOnlyDictionary<string, UpstreamPool> upstreams, PolicyFactory policies, ForwarderRequestConfig defaults,
        RedisAddress? redis = null)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(upstreams);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(defaults);
        var built = policies.Build(route, redis);
        switch (route.Action.Kind)
        {
            case RouteActionKind.Respond:
                return new RouteEntry(route, built, RespondTemplate.From(route.Action), null, null, RouteTransformer.Unchanged, defaults);
            case RouteActionKind.Redirect:
                return new RouteEntry(route, built, null, new RedirectResponse(route.Action.Redirect!), null, RouteTransformer.Unchanged, defaults);
        }

        var name = route.Action.Upstream ?? string.Empty;
        if (!upstreams.TryGetValue(name, out var pool))
        {
            throw new InvalidOperationException($"Route '{route.Name}' names upstream '{name}', which the table does not define.");
        }

        // The route's host-header wins over its upstream's, and both over the default (the client's Host).
        var host = route.Policies.HostHeader ?? pool.Definition.HostHeader ?? HostHeader.Client;
        var connectTimeout = pool.Definition.ConnectTimeout;
        var transformer = RouteTransformer.KeepsDefaults(host, route.Policies.Path, connectTimeout)
            ? RouteTransformer.Unchanged
            : new RouteTransformer(host, route.Policies.Path, connectTimeout);
        return new RouteEntry(route, built, null, null, pool, transformer, defaults)
        {
            Mirror = route.Mirror is { } mirror ? upstreams[mirror.Upstream] : null,
        };
    }
}
