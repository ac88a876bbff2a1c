using Microsoft.Extensions.Logging;

namespace Gateway.Logging;

/// <summary>Log lines of <c>limit</c> and the Redis server of global limits; none carries a key's value, which may be a
/// credential or a personal address.</summary>
public static partial class Log
{
    /// <summary>A request found its bucket empty.</summary>
    [LoggerMessage(EventId = EventIds.RateLimited, Level = LogLevel.Debug,
        Message = "Route {Route}: over its limit of {Rate} by {Key}; answered 429")]
    public static partial void RateLimited(ILogger logger, string route, string rate, string key);

    /// <summary>A route's key table is full.</summary>
    [LoggerMessage(EventId = EventIds.RateLimitKeysFull, Level = LogLevel.Warning,
        Message = "Route {Route}: its rate limit tracks {MaxKeys} keys and none has refilled; new keys share one bucket until some have")]
    public static partial void RateLimitKeysFull(ILogger logger, string route, int maxKeys);

    /// <summary>Redis stopped answering.</summary>
    [LoggerMessage(EventId = EventIds.RedisUnavailable, Level = LogLevel.Warning,
        Message = "Redis at {Address} cannot be asked ({Reason}); global limits count locally ('fail open') or answer 503 ('fail closed') until it answers")]
    public static partial void RedisUnavailable(ILogger logger, string address, string reason);

    /// <summary>Redis answers again.</summary>
    [LoggerMessage(EventId = EventIds.RedisRecovered, Level = LogLevel.Information,
        Message = "Redis at {Address} answers again; global limits count there")]
    public static partial void RedisRecovered(ILogger logger, string address);

    /// <summary>A fail-closed global limit could not count a request.</summary>
    [LoggerMessage(EventId = EventIds.RateLimitUnavailable, Level = LogLevel.Debug,
        Message = "Route {Route}: Redis at {Address} cannot be asked and the limit fails closed; answered 503")]
    public static partial void RateLimitUnavailable(ILogger logger, string route, string address);

    /// <summary>A global limit has nowhere to count.</summary>
    [LoggerMessage(EventId = EventIds.RedisNotConfigured, Level = LogLevel.Warning,
        Message = "Route {Route} has a global limit (line {Line}) but no Redis address is configured ('redis' in the route file, or Gateway:Redis); it fails {Mode}")]
    public static partial void RedisNotConfigured(ILogger logger, string route, int line, string mode);
}
