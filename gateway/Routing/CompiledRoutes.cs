namespace Gateway.Routing;

/// <summary>The router generated from <c>routes.gw</c> at build time: the route source when no route file is configured.</summary>
/// <remarks>The model still comes from checking the same text (<see cref="Routes.SourceText"/>), so upstreams, actions and
/// listen addresses are read exactly as the interpreter would read them; only matching is compiled.</remarks>
public static class CompiledRoutes
{
    /// <summary>The generated router and the text it was generated from.</summary>
    public static RouteSource Source { get; } =
        new(Routes.SourceText, Routes.SourcePath, "compiled", static _ => new CompiledRouteMatcher(Routes.Match));
}
