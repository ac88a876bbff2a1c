using Gateway.Routing;

namespace Gateway.DifferentialTests.Corpus;

/// <summary>The compiled router for <c>tests/cases/valid/multi-tenant.gw</c>.</summary>
[GeneratedRoutes("multi-tenant.gw")]
internal static partial class MultiTenantRoutes
{
    /// <summary>The generated matcher.</summary>
    public static partial RouteMatch Match(in RouteRequest request);
}
