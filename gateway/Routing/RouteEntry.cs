using Gateway.Dsl.Model;
using Gateway.Responses;
using Gateway.Upstreams;
using Route = Gateway.Dsl.Model.Route;

namespace Gateway.Routing;

/// <summary>A route's run-time parts, built once per snapshot: what the gateway does after the matcher picks the route.</summary>
/// <remarks>Exactly one of <see cref="Respond"/> and <see cref="Upstream"/> is set, as the route's action says.</remarks>
public sealed class RouteEntry
{
    private RouteEntry(Route route, RespondTemplate? respond, UpstreamPool? upstream)
    {
        Route = route;
        Respond = respond;
        Upstream = upstream;
    }

    /// <summary>The checked route.</summary>
    public Route Route { get; }

    /// <summary>The route's name, for logs.</summary>
    public string Name => Route.Name;

    /// <summary>The body to answer with, for a <c>respond</c> route; otherwise null.</summary>
    public RespondTemplate? Respond { get; }

    /// <summary>The upstream to forward to, for a <c>to</c> route; otherwise null.</summary>
    public UpstreamPool? Upstream { get; }

    /// <summary>Builds the entry for <paramref name="route"/>, finding its upstream among <paramref name="upstreams"/>.</summary>
    /// <exception cref="InvalidOperationException">The route names an upstream that is not there; the checker prevents this.</exception>
    public static RouteEntry Create(Route route, IReadOnlyDictionary<string, UpstreamPool> upstreams)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(upstreams);
        if (route.Action.Kind == RouteActionKind.Respond)
        {
            return new RouteEntry(route, RespondTemplate.From(route.Action), upstream: null);
        }

        var name = route.Action.Upstream ?? string.Empty;
        return upstreams.TryGetValue(name, out var pool)
            ? new RouteEntry(route, respond: null, pool)
            : throw new InvalidOperationException($"Route '{route.Name}' names upstream '{name}', which the table does not define.");
    }
}
