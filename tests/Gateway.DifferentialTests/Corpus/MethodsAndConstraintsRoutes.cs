using Gateway.Routing;

namespace Gateway.DifferentialTests.Corpus;

/// <summary>The compiled router for <c>tests/cases/valid/methods-and-constraints.gw</c>.</summary>
[GeneratedRoutes("methods-and-constraints.gw")]
internal static partial class MethodsAndConstraintsRoutes
{
    /// <summary>The generated matcher.</summary>
    public static partial RouteMatch Match(in RouteRequest request);
}
