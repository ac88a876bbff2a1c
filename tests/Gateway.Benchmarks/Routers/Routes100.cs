using Gateway.Routing;

namespace Gateway.Benchmarks.Routers;

/// <summary>The generated router for <c>Tables/routes-100.gw</c> (100 routes), written by <c>generator/</c> at build time.</summary>
[GeneratedRoutes("routes-100.gw")]
internal static partial class Routes100
{
    /// <summary>The generated matcher.</summary>
    public static partial RouteMatch Match(in RouteRequest request);
}
