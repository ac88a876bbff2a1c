using Gateway.Routing;

namespace Gateway.Benchmarks.Routers;

/// <summary>The generated router for <c>Tables/routes-10000.gw</c> (10000 routes), written by <c>generator/</c> at build time.</summary>
[GeneratedRoutes("routes-10000.gw")]
internal static partial class Routes10000
{
    /// <summary>The generated matcher.</summary>
    public static partial RouteMatch Match(in RouteRequest request);
}
