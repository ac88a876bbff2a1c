namespace Gateway.Dsl.Model;

/// <summary>The three things a route can do.</summary>
public enum RouteActionKind
{
    /// <summary><c>to UPSTREAM</c>: forward to one endpoint of the upstream.</summary>
    Forward,

    /// <summary><c>respond STATUS "body"</c>: answer directly, like nginx <c>return</c>.</summary>
    Respond,

    /// <summary><c>redirect STATUS …</c>: answer with a <c>Location</c> built from the request and the route's parts.</summary>
    Redirect,
}
