namespace Gateway.Forwarding;

/// <summary>The de facto X-Forwarded-* header names the gateway sets on forwarded requests and on the requests it sends
/// to an external authorization service.</summary>
public static class ForwardedHeaderNames
{
    /// <summary>The chain of client addresses, oldest first.</summary>
    public const string For = "X-Forwarded-For";

    /// <summary>The scheme the client used (<c>http</c> or <c>https</c>).</summary>
    public const string Proto = "X-Forwarded-Proto";

    /// <summary>The Host header the client sent.</summary>
    public const string Host = "X-Forwarded-Host";

    /// <summary>The client's request method, sent to an external authorization service (as Traefik's ForwardAuth does).</summary>
    public const string Method = "X-Forwarded-Method";

    /// <summary>The client's request path and query, sent to an external authorization service.</summary>
    public const string Uri = "X-Forwarded-Uri";
}
