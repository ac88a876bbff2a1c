namespace Gateway.Routing;

/// <summary>The router compiled from <c>../routes.gw</c>: the gateway's default route table.</summary>
/// <remarks>
/// Only the declaration lives here. As with <c>[GeneratedRegex]</c>, the body of <see cref="Match"/>, and the constants
/// <c>SourceText</c> and <c>SourcePath</c>, come from the route generator (<c>generator/RoutesGenerator.cs</c>), which reads
/// <c>routes.gw</c> as an AdditionalFile at build time. A mistake in <c>routes.gw</c> fails the build at
/// <c>routes.gw(line,col)</c>. The emitted code is under <c>obj/generated/</c> (<c>Gateway.Routing.Routes.g.cs</c>);
/// its remarks list every route in the order the matcher tries them.
/// </remarks>
[GeneratedRoutes("routes.gw")]
public static partial class Routes
{
    /// <summary>The most specific route of <c>routes.gw</c> for <paramref name="request"/>, or <see cref="RouteMatch.None"/>; allocates nothing.</summary>
    public static partial RouteMatch Match(in RouteRequest request);
}
