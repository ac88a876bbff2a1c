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
/// route's action says; a split route also has <see cref="Split"/>. A forwarding route has its own transformer and forwarding settings: nothing process-wide
/// stands in for a route's choices.</remarks>
public sealed class RouteEntry
{
    private readonly IResponsePolicy[] _responsePolicies;

    private readonly RouteTarget? _target;
    private readonly UpstreamSplit? _split;

    private RouteEntry(Route route, RoutePolicySet policies, RespondTemplate? respond, RedirectResponse? redirect, RouteTarget? target,
        UpstreamSplit? split, ForwarderRequestConfig requestConfig, RequestMirror? mirror = null)
    {
        Route = route;
        Policies = policies.Chain;
        Cors = policies.Cors;
        _responsePolicies = policies.Response.ToArray();
        Respond = respond;
        Redirect = redirect;
        _target = target;
        _split = split;
        Mirror = mirror;
        Upstream = target?.Pool;
        Transformer = target?.Transformer ?? RouteTransformer.Unchanged;
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

    /// <summary>The upstream to forward to, for a <c>to</c> route (the first side of a split); otherwise null.</summary>
    public UpstreamPool? Upstream { get; }

    /// <summary>The route's weighted split, or null for <c>to UPSTREAM</c> and for routes that do not forward.</summary>
    public UpstreamSplit? Split => _split;

    /// <summary>Where the route copies a share of its requests (<c>mirror UPSTREAM P%</c>), or null.</summary>
    public RequestMirror? Mirror { get; }

    /// <summary>The upstream this request goes to: the split's choice, or <see cref="Upstream"/>; null for a route that
    /// does not forward.</summary>
    public UpstreamPool? SelectUpstream(RequestContext request) => SelectTarget(request)?.Pool;

    /// <summary>The upstream this request goes to with the transformer for it: by the split's pins, sticky key and
    /// weights, or the route's one upstream; null for a route that does not forward.</summary>
    public RouteTarget? SelectTarget(RequestContext request) => _split is null ? _target : _split.Select(request);

    /// <summary>The route's request and response changes when forwarding to <see cref="Upstream"/>.</summary>
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

    /// <summary>Builds the entry for <paramref name="route"/>, finding its upstream (every side of a split) among <paramref name="upstreams"/>.</summary>
    /// <param name="route">The checked route.</param>
    /// <param name="upstreams">The snapshot's upstreams by name.</param>
    /// <param name="policies">Builds the route's policies.</param>
    /// <param name="defaults">The process-wide forwarding settings, the route's unless it says otherwise.</param>
    /// <param name="redis">The route file's <c>redis</c> address, for a global rate limit; or null.</param>
    /// <exception cref="InvalidOperationException">The route names an upstream that is not there, in its <c>to</c> or its
    /// split; the checker prevents this.</exception>
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
                return new RouteEntry(route, built, RespondTemplate.From(route.Action), null, null, null, defaults);
            case RouteActionKind.Redirect:
                return new RouteEntry(route, built, null, new RedirectResponse(route.Action.Redirect!), null, null, defaults);
        }

        // The shadow gets the route's transformer for its own upstream, as a side of a split would.
        var mirror = route.Action.Mirror is { } shadow ? new RequestMirror(TargetFor(route, shadow.Upstream, upstreams), shadow.Percent) : null;
        if (route.Action.Split.Count == 0)
        {
            return new RouteEntry(route, built, null, null, TargetFor(route, route.Action.Upstream, upstreams), null, defaults, mirror);
        }

        // Every side of a split is resolved now, so a request never looks an upstream up by name.
        var targets = route.Action.Split.Select(side => TargetFor(route, side.Upstream, upstreams)).ToArray();
        return new RouteEntry(route, built, null, null, targets[0], new UpstreamSplit(route.Action, targets), defaults, mirror);
    }

    /// <summary>The upstream named <paramref name="name"/> with the route's transformer for it.</summary>
    private static RouteTarget TargetFor(Route route, string? name, IReadOnlyDictionary<string, UpstreamPool> upstreams)
    {
        if (name is null || !upstreams.TryGetValue(name, out var pool))
        {
            throw new InvalidOperationException($"Route '{route.Name}' names upstream '{name}', which the table does not define.");
        }

        // The route's host-header wins over its upstream's, and both over the default (the client's Host).
        var host = route.Policies.HostHeader ?? pool.Definition.HostHeader ?? HostHeader.Client;
        var connectTimeout = pool.Definition.ConnectTimeout;
        var transformer = RouteTransformer.KeepsDefaults(host, route.Policies.Path, connectTimeout)
            ? RouteTransformer.Unchanged
            : new RouteTransformer(host, route.Policies.Path, connectTimeout);
        return new RouteTarget(pool, transformer);
    }
}
