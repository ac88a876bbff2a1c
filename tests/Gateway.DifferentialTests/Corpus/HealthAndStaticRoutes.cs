using Gateway.Routing;

namespace Gateway.DifferentialTests.Corpus;

/// <summary>The compiled router for <c>tests/cases/valid/health-and-static.gw</c>.</summary>
[GeneratedRoutes("health-and-static.gw")]
internal static partial class HealthAndStaticRoutes
{
    /// <summary>The generated matcher.</summary>
    public static partial RouteMatch Match(in RouteRequest request);
}
