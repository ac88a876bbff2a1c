using Gateway.Routing;

namespace Gateway.DifferentialTests.Corpus;

/// <summary>The compiled router for <c>tests/cases/valid/comments-and-layout.gw</c>.</summary>
[GeneratedRoutes("comments-and-layout.gw")]
internal static partial class CommentsAndLayoutRoutes
{
    /// <summary>The generated matcher.</summary>
    public static partial RouteMatch Match(in RouteRequest request);
}
