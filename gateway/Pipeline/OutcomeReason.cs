namespace Gateway.Pipeline;

/// <summary>Why a request ended the way it did; a bounded set, so logs and metrics can use it as a label.</summary>
public enum OutcomeReason
{
    /// <summary>The request has not ended yet.</summary>
    Pending,

    /// <summary>An upstream answered.</summary>
    Forwarded,

    /// <summary>A <c>respond</c> route answered.</summary>
    Responded,

    /// <summary>A <c>redirect</c> route answered.</summary>
    Redirected,

    /// <summary>No route table is loaded.</summary>
    NoRouteTable,

    /// <summary>No route matched.</summary>
    NoRoute,

    /// <summary>The method cannot be served (CONNECT, or TRACE on a route that does not name it).</summary>
    MethodNotAllowed,

    /// <summary>Credentials were missing or invalid (401).</summary>
    Unauthorized,

    /// <summary>Credentials were valid but not sufficient (403).</summary>
    Forbidden,

    /// <summary>The route's keys file has never been read, so no API key could be judged (503).</summary>
    ApiKeysUnavailable,

    /// <summary>The route's token signing keys could not be had (JWKS never fetched, key file unreadable): 503.</summary>
    SigningKeysUnavailable,

    /// <summary>The external authorization service denied the request.</summary>
    ExternalAuthDenied,

    /// <summary>The external authorization service could not be asked, and the route fails closed.</summary>
    ExternalAuthUnavailable,

    /// <summary>The route's rate limit refused the request (429).</summary>
    RateLimited,

    /// <summary>A global rate limit that fails closed could not ask Redis (503).</summary>
    RateLimitUnavailable,

    /// <summary>A CORS preflight was answered.</summary>
    CorsPreflight,

    /// <summary>A CORS preflight was refused (origin, method or header not allowed).</summary>
    CorsRejected,

    /// <summary>A policy written in C# answered the request.</summary>
    PluginAnswered,

    /// <summary>The upstream has no endpoint to send to.</summary>
    NoEndpoint,

    /// <summary>Every endpoint of the upstream fails its health checks, and it says <c>when-unhealthy 503</c>.</summary>
    NoHealthyEndpoint,

    /// <summary>The upstream already had its <c>max-concurrent</c> requests in flight.</summary>
    OverCapacity,

    /// <summary>The upstream's circuit breaker was open.</summary>
    BreakerOpen,

    /// <summary>The upstream could not be reached or failed while answering.</summary>
    UpstreamFailed,

    /// <summary>The upstream did not answer in time.</summary>
    UpstreamTimedOut,

    /// <summary>The client went away or broke its side of the exchange.</summary>
    ClientAborted,
}
