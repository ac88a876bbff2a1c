using Gateway.Routing;

namespace Gateway.DifferentialTests.Corpus;

/// <summary>The compiled router for <c>tests/cases/valid/api-versioning.gw</c>.</summary>
[GeneratedRoutes("api-versioning.gw")]
internal static partial class ApiVersioningRoutes
{
    /// <summary>The generated matcher.</summary>
    public static partial RouteMatch Match(in RouteRequest request);
}
