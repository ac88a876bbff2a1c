using Gateway.Routing;

namespace Gateway.DifferentialTests;

/// <summary>The compiled router for <c>tests/cases/valid/differential.gw</c>, generated at build time.</summary>
[GeneratedRoutes("differential.gw")]
internal static partial class DifferentialRoutes
{
    /// <summary>The generated matcher.</summary>
    public static partial RouteMatch Match(in RouteRequest request);
}
