using Gateway.Routing;

namespace Gateway.DifferentialTests.Corpus;

/// <summary>The compiled router for <c>tests/cases/valid/storefront.gw</c>.</summary>
[GeneratedRoutes("storefront.gw")]
internal static partial class StorefrontRoutes
{
    /// <summary>The generated matcher.</summary>
    public static partial RouteMatch Match(in RouteRequest request);
}
