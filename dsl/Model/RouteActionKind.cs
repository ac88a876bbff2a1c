namespace Gateway.Dsl.Model;

/// <summary>The two things a route can do.</summary>
public enum RouteActionKind
{
    /// <summary><c>to UPSTREAM</c>: forward to one endpoint of the upstream.</summary>
    Forward,

    /// <summary><c>respond STATUS "body"</c>: answer directly, like nginx <c>return</c>.</summary>
    Respond,
}
