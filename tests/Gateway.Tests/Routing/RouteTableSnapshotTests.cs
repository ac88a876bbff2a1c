using Gateway.Dsl.Collections;
using Gateway.Dsl.Model;
using Gateway.Tests.Common;

namespace Gateway.Tests.Routing;

public sealed class RouteTableSnapshotTests
{
    [Fact]
    public void Create_ForwardAndRespondRoutes_BuildsTheirParts()
    {
        var respond = new RouteAction
        {
            Kind = RouteActionKind.Respond,
            Status = 200,
            Body = new[] { new TemplatePart { Text = "hi", CaptureIndex = -1 } }.ToEquatableArray(),
        };
        var snapshot = TestTables.Snapshot(TestTables.Create(TestTables.Route(0, "a"), TestTables.Route(1, "b", respond), TestTables.Route(2, "c")));

        Assert.Equal(3, snapshot.RouteCount);
        Assert.NotNull(snapshot.GetRoute(0).Upstream);
        Assert.Null(snapshot.GetRoute(0).Respond);
        Assert.Equal(200, snapshot.GetRoute(1).Respond!.Status);
        Assert.Null(snapshot.GetRoute(1).Upstream);

        // Routes to one upstream share its pool, so balancing and in-flight counts are per upstream, not per route.
        Assert.Same(snapshot.GetRoute(0).Upstream, snapshot.GetRoute(2).Upstream);
        Assert.Same(snapshot.Upstreams["users"], snapshot.GetRoute(0).Upstream);
    }

    [Fact]
    public void Create_RouteToUnknownUpstream_Throws()
    {
        var route = TestTables.Route(0, "a") with { Action = new RouteAction { Kind = RouteActionKind.Forward, Upstream = "nope" } };

        Assert.Throws<InvalidOperationException>(() => TestTables.Snapshot(TestTables.Create(route)));
    }
}
