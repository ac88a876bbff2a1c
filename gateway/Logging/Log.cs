using Microsoft.Extensions.Logging;

namespace Gateway.Logging;

/// <summary>The gateway's log lines as <c>[LoggerMessage]</c> methods: no formatting or boxing unless the level is on.</summary>
/// <remarks>Client mistakes (no route, aborted requests) log at Debug, never Error, so a noisy client cannot page anyone.</remarks>
public static partial class Log
{
    /// <summary>A route table is in use.</summary>
    [LoggerMessage(EventId = EventIds.RouteTableLoaded, Level = LogLevel.Information,
        Message = "Route table from {Path} loaded: {RouteCount} routes, {UpstreamCount} upstreams, {Router} router")]
    public static partial void RouteTableLoaded(ILogger logger, string path, int routeCount, int upstreamCount, string router);

    /// <summary>One diagnostic of a route file that could not be used.</summary>
    [LoggerMessage(EventId = EventIds.RouteFileDiagnostic, Level = LogLevel.Error, Message = "{Diagnostic}")]
    public static partial void RouteFileDiagnostic(ILogger logger, string diagnostic);

    /// <summary>A warning of a route file that loads (the build reports the same one); same event id as its errors.</summary>
    [LoggerMessage(EventId = EventIds.RouteFileDiagnostic, EventName = "RouteFileWarning", Level = LogLevel.Warning, Message = "{Diagnostic}")]
    public static partial void RouteFileWarning(ILogger logger, string diagnostic);

    /// <summary>A new route table replaced the old one.</summary>
    [LoggerMessage(EventId = EventIds.RouteTableSwapped, Level = LogLevel.Information,
        Message = "Route table from {Path} replaced the table in use")]
    public static partial void RouteTableSwapped(ILogger logger, string path);

    /// <summary>Where the gateway listens.</summary>
    [LoggerMessage(EventId = EventIds.ListenersBound, Level = LogLevel.Information,
        Message = "Gateway listening on {Public}; admin on {Admin}")]
    public static partial void ListenersBound(ILogger logger, string @public, string admin);

    /// <summary>No route matched the request.</summary>
    [LoggerMessage(EventId = EventIds.NoRoute, Level = LogLevel.Debug, Message = "No route for {Method} {Host}{Path}")]
    public static partial void NoRoute(ILogger logger, string method, string host, string path);

    /// <summary>The route's upstream had no endpoint.</summary>
    [LoggerMessage(EventId = EventIds.NoEndpoint, Level = LogLevel.Warning,
        Message = "Route {Route} matched but upstream {Upstream} has no endpoints")]
    public static partial void NoEndpoint(ILogger logger, string route, string upstream);

    /// <summary>The route's upstream had its max-concurrent requests in flight.</summary>
    [LoggerMessage(EventId = EventIds.UpstreamOverCapacity, Level = LogLevel.Debug,
        Message = "Route {Route}: upstream {Upstream} is at its max-concurrent limit; answered 503")]
    public static partial void UpstreamOverCapacity(ILogger logger, string route, string upstream);

    /// <summary>A request arrived before any route table was loaded.</summary>
    [LoggerMessage(EventId = EventIds.NoRouteTable, Level = LogLevel.Warning, Message = "No route table is loaded")]
    public static partial void NoRouteTable(ILogger logger);

    /// <summary>A CONNECT asked for a tunnel, which the gateway does not open.</summary>
    [LoggerMessage(EventId = EventIds.TunnelRefused, Level = LogLevel.Debug, Message = "Refused CONNECT {Authority}: the gateway opens no tunnels")]
    public static partial void TunnelRefused(ILogger logger, string authority);

    /// <summary>A TRACE matched a route that does not name TRACE.</summary>
    [LoggerMessage(EventId = EventIds.TraceNotAllowed, Level = LogLevel.Debug,
        Message = "Refused TRACE {Path}: route {Route} does not name TRACE")]
    public static partial void TraceNotAllowed(ILogger logger, string path, string route);

    /// <summary>A request ended, with who answered, the status and why.</summary>
    [LoggerMessage(EventId = EventIds.RequestCompleted, Level = LogLevel.Debug,
        Message = "{Method} {Path} route {Route}: {StatusCode} {Reason} by {Answerer}")]
    public static partial void RequestCompleted(ILogger logger, string method, string path, string route, int statusCode,
        Gateway.Pipeline.OutcomeReason reason, Gateway.Pipeline.Answerer answerer);

    /// <summary>Forwarding failed; <paramref name="level"/> comes from <c>ForwardErrors</c>.</summary>
    /// <remarks>The cause is logged as its message, not as an exception, so that an expected upstream failure stays one
    /// line instead of a stack trace.</remarks>
    [LoggerMessage(EventId = EventIds.ForwardFailed,
        Message = "Forwarding {Method} {Path} for route {Route} to {Endpoint} failed: {Error} ({Reason}), answered {StatusCode}")]
    public static partial void ForwardFailed(ILogger logger, LogLevel level, string method, string path, string route, string endpoint,
        string error, string reason, int statusCode);

    /// <summary>An endpoint is passed over after a connect failure or timeout, or after its upstream's <c>outlier</c>
    /// count of failures in a row.</summary>
    [LoggerMessage(EventId = EventIds.EndpointPassedOver, Level = LogLevel.Warning,
        Message = "Upstream {Upstream} endpoint {Endpoint} failed ({Failure}); it gets no new requests for {Seconds} s")]
    public static partial void EndpointPassedOver(ILogger logger, string upstream, string endpoint, string failure, double seconds);

    /// <summary>A request is sent again, to another endpoint, after its connection failed.</summary>
    [LoggerMessage(EventId = EventIds.AttemptRetried, Level = LogLevel.Debug,
        Message = "{Method} {Path} for route {Route}: {Endpoint} failed ({Failure}), trying another endpoint")]
    public static partial void AttemptRetried(ILogger logger, string method, string path, string route, string endpoint, string failure);

    /// <summary>A route's <c>timeout</c> cut the upstream exchange short; <paramref name="result"/> says what the client got.</summary>
    [LoggerMessage(EventId = EventIds.RouteTimedOut, Level = LogLevel.Warning,
        Message = "{Method} {Path} for route {Route} to {Endpoint} exceeded the route's timeout of {TimeoutMs} ms: {Result}")]
    public static partial void RouteTimedOut(ILogger logger, string method, string path, string route, string endpoint, double timeoutMs, string result);

    /// <summary>A retry was not sent: the upstream's budget is used up.</summary>
    [LoggerMessage(EventId = EventIds.RetryBudgetExhausted, Level = LogLevel.Debug,
        Message = "{Method} {Path} for route {Route}: not retried, upstream {Upstream} has used its retry budget ({Percent}% of its requests in 10 s, or at least 10 retries)")]
    public static partial void RetryBudgetExhausted(ILogger logger, string method, string path, string route, string upstream, int percent);

    /// <summary>A CORS preflight was refused with 403; <paramref name="part"/> is <c>origin</c>, <c>method</c> or <c>header</c>.</summary>
    [LoggerMessage(EventId = EventIds.CorsPreflightRejected, Level = LogLevel.Debug,
        Message = "CORS preflight for route {Route} refused: {Part} '{Value}' is not allowed")]
    public static partial void CorsPreflightRejected(ILogger logger, string route, string part, string value);
}
