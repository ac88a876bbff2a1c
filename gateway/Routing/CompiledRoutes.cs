namespace Gateway.Routing;

/// <summary>The seam to the router generated from <c>routes.gw</c>: the default route source when no route file is configured.</summary>
/// <remarks>
/// <c>Gateway.csproj</c> defines <c>GATEWAY_COMPILED_ROUTES</c> when <c>Routing/Routes.cs</c> exists, so the host builds
/// before the generator lands and picks the compiled router up as soon as it does.
/// </remarks>
public static class CompiledRoutes
{
#if GATEWAY_COMPILED_ROUTES
    /// <summary>The generated router and the text it was generated from (the model comes from checking that text).</summary>
    public static RouteSource? Source { get; } =
        new(Routes.SourceText, Routes.SourcePath, "compiled", static _ => new GeneratedMatcher());

    /// <summary>Adapts the static generated <c>Routes.Match</c> to <see cref="IRouteMatcher"/>.</summary>
    private sealed class GeneratedMatcher : IRouteMatcher
    {
        /// <inheritdoc/>
        public RouteMatch Match(in RouteRequest request) => Routes.Match(in request);
    }
#else
    /// <summary>Null: this build has no generated router, so a route file must be configured.</summary>
    public static RouteSource? Source => null;
#endif
}
