namespace Gateway.Routing;

/// <summary>Chooses a route for a request; implemented by the generated router and by the interpreted one.</summary>
public interface IRouteMatcher
{
    /// <summary>The most specific route whose conditions all hold, or <see cref="RouteMatch.None"/>.</summary>
    RouteMatch Match(in RouteRequest request);
}
