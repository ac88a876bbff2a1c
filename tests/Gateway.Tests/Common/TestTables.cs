using Gateway.Dsl.Collections;
using Gateway.Dsl.Model;
using Gateway.Routing;

namespace Gateway.Tests.Common;

/// <summary>Small checked models built by hand, so host tests do not depend on the parser.</summary>
public static class TestTables
{
    /// <summary>A table with one upstream <c>users</c> and the given routes.</summary>
    public static RouteTable Create(params Route[] routes) => new()
    {
        FilePath = "test.gw",
        Listen = null,
        Admin = null,
        Upstreams = new[]
        {
            new Upstream { Name = "users", Endpoints = new[] { "http://127.0.0.1:1" }.ToEquatableArray(), Balance = BalanceMode.RoundRobin, Line = 1 },
        }.ToEquatableArray(),
        Routes = routes.ToEquatableArray(),
    };

    /// <summary>A route on <c>/</c> forwarding to <c>users</c>, or answering when <paramref name="respond"/> is set.</summary>
    public static Route Route(int index, string name, RouteAction? respond = null) => new()
    {
        Name = name,
        Index = index,
        Line = 10 + index,
        Hosts = EquatableArray<HostPattern>.Empty,
        Methods = MethodSet.None,
        Path = new PathTemplate { Text = "/", Segments = EquatableArray<PathSegment>.Empty },
        Headers = EquatableArray<HeaderMatch>.Empty,
        Queries = EquatableArray<QueryMatch>.Empty,
        Priority = 0,
        Action = respond ?? new RouteAction { Kind = RouteActionKind.Forward, Upstream = "users" },
    };

    /// <summary>A snapshot of <paramref name="table"/> whose matcher always answers <paramref name="routeIndex"/>.</summary>
    public static RouteTableSnapshot Snapshot(RouteTable table, int routeIndex = -1) =>
        RouteTableSnapshot.Create(table, new FixedMatcher(routeIndex), "test");

    /// <summary>A matcher with a fixed answer.</summary>
    private sealed class FixedMatcher(int routeIndex) : IRouteMatcher
    {
        public RouteMatch Match(in RouteRequest request) =>
            routeIndex < 0 ? RouteMatch.None : RouteMatch.Create(routeIndex);
    }
}
