using System.Collections.Frozen;
using Gateway.Dsl.Model;
using Gateway.Policies;
using Gateway.Upstreams;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Routing;

/// <summary>One route table ready to serve: the checked model, its matcher, and every route's run-time parts.</summary>
/// <remarks>
/// Immutable once built and replaced whole: a request reads the current snapshot once and uses it to the
/// end, even if a reload swaps in another meanwhile. <see cref="ChangeToken"/> fires when this snapshot is replaced, so
/// work tied to it (discovery watches, health probes) can stop.
/// </remarks>
public sealed class RouteTableSnapshot : IDisposable
{
    private readonly RouteEntry[] _routes;
    private readonly CancellationTokenSource _replaced = new();

    private RouteTableSnapshot(RouteTable table, IRouteMatcher matcher, string router, RouteEntry[] routes,
        FrozenDictionary<string, UpstreamPool> upstreams)
    {
        Table = table;
        Matcher = matcher;
        Router = router;
        _routes = routes;
        Upstreams = upstreams;
        ChangeToken = _replaced.Token;
    }

    /// <summary>The checked model the snapshot was built from.</summary>
    public RouteTable Table { get; }

    /// <summary>The router: generated at build time, or interpreted from the plan.</summary>
    public IRouteMatcher Matcher { get; }

    /// <summary>Which router this is (<c>compiled</c> or <c>interpreted</c>), for logs.</summary>
    public string Router { get; }

    /// <summary>The upstreams by name.</summary>
    public FrozenDictionary<string, UpstreamPool> Upstreams { get; }

    /// <summary>Cancelled when another snapshot replaces this one.</summary>
    public CancellationToken ChangeToken { get; }

    /// <summary>The number of routes.</summary>
    public int RouteCount => _routes.Length;

    /// <summary>The run-time parts of the route the matcher returned.</summary>
    public RouteEntry GetRoute(int routeIndex) => _routes[routeIndex];

    /// <summary>Builds the run-time parts of every upstream and route of <paramref name="table"/>, with fresh upstreams
    /// and no services for policies (tests, and tables without policies that need any).</summary>
    public static RouteTableSnapshot Create(RouteTable table, IRouteMatcher matcher, string router) =>
        Create(table, matcher, router, new SnapshotServices(new UpstreamRegistry(), new PolicyFactory(), new ForwarderRequestConfig()));

    /// <summary>Builds the run-time parts of every upstream and route of <paramref name="table"/>.</summary>
    /// <param name="table">A checked table (no errors).</param>
    /// <param name="matcher">A matcher whose route indexes are positions in <see cref="RouteTable.Routes"/>.</param>
    /// <param name="router">The matcher's kind, for logs.</param>
    /// <param name="services">The process-wide parts a snapshot is built with.</param>
    public static RouteTableSnapshot Create(RouteTable table, IRouteMatcher matcher, string router, SnapshotServices services)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(matcher);
        ArgumentNullException.ThrowIfNull(services);
        var upstreams = services.Upstreams.Resolve(table.Upstreams).ToFrozenDictionary(StringComparer.Ordinal);
        var routes = table.Routes.Select(r => RouteEntry.Create(r, upstreams, services.Policies, services.Forwarding, table.Redis)).ToArray();
        return new RouteTableSnapshot(table, matcher, router, routes, upstreams);
    }

    /// <summary>Signals <see cref="ChangeToken"/>: this snapshot is no longer the current one.</summary>
    internal void MarkReplaced() => _replaced.Cancel();

    /// <inheritdoc/>
    public void Dispose() => _replaced.Dispose();
}
