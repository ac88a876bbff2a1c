using Microsoft.Extensions.Logging;

namespace Gateway.Logging;

/// <summary>Log lines of active health checks: a change of state once, single failures at Debug.</summary>
public static partial class Log
{
    /// <summary>An endpoint went unhealthy.</summary>
    [LoggerMessage(EventId = EventIds.EndpointUnhealthy, Level = LogLevel.Warning,
        Message = "Upstream {Upstream} endpoint {Endpoint} failed {Count} health checks in a row (last: {Reason}); it gets no new requests until it passes again")]
    public static partial void EndpointUnhealthy(ILogger logger, string upstream, string endpoint, int count, string reason);

    /// <summary>An endpoint is healthy again.</summary>
    [LoggerMessage(EventId = EventIds.EndpointHealthy, Level = LogLevel.Information,
        Message = "Upstream {Upstream} endpoint {Endpoint} passed {Count} health checks in a row; it gets requests again")]
    public static partial void EndpointHealthy(ILogger logger, string upstream, string endpoint, int count);

    /// <summary>Every endpoint of an upstream is unhealthy.</summary>
    [LoggerMessage(EventId = EventIds.UpstreamAllUnhealthy, Level = LogLevel.Warning,
        Message = "Upstream {Upstream}: all {Count} endpoints fail their health checks; its requests {Answer}")]
    public static partial void UpstreamAllUnhealthy(ILogger logger, string upstream, int count, string answer);

    /// <summary>An upstream has a healthy endpoint again.</summary>
    [LoggerMessage(EventId = EventIds.UpstreamHealthyAgain, Level = LogLevel.Information,
        Message = "Upstream {Upstream} has a healthy endpoint again")]
    public static partial void UpstreamHealthyAgain(ILogger logger, string upstream);

    /// <summary>A request found every endpoint unhealthy.</summary>
    [LoggerMessage(EventId = EventIds.AllUnhealthyRefused, Level = LogLevel.Debug,
        Message = "Route {Route}: every endpoint of upstream {Upstream} is unhealthy; answered 503")]
    public static partial void AllUnhealthyRefused(ILogger logger, string route, string upstream);

    /// <summary>One health check failed.</summary>
    [LoggerMessage(EventId = EventIds.HealthCheckFailed, Level = LogLevel.Debug,
        Message = "Upstream {Upstream} endpoint {Endpoint}: health check failed ({Reason})")]
    public static partial void HealthCheckFailed(ILogger logger, string upstream, string endpoint, string reason);
}
