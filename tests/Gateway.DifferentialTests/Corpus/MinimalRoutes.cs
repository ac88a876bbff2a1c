using Gateway.Routing;

namespace Gateway.DifferentialTests.Corpus;

/// <summary>The compiled router for <c>tests/cases/valid/minimal.gw</c>.</summary>
[GeneratedRoutes("minimal.gw")]
internal static partial class MinimalRoutes
{
    /// <summary>The generated matcher.</summary>
    public static partial RouteMatch Match(in RouteRequest request);
}
