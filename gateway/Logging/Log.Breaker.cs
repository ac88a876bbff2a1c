using Microsoft.Extensions.Logging;

namespace Gateway.Logging;

/// <summary>Log lines of upstream circuit breakers: each change of state once, refused requests at Debug.</summary>
public static partial class Log
{
    /// <summary>A breaker opened.</summary>
    [LoggerMessage(EventId = EventIds.BreakerOpened, Level = LogLevel.Warning,
        Message = "Upstream {Upstream}: {Percent}% or more of at least {Throughput} attempts within {Window}s failed (last: {Last}); its circuit breaker opens and its requests get 503 for {Break}s")]
    public static partial void BreakerOpened(ILogger logger, string upstream, int percent, int throughput, double window, string last, double @break);

    /// <summary>A breaker's trial attempt failed, so it opens again.</summary>
    [LoggerMessage(EventId = EventIds.BreakerOpened, EventName = "BreakerReopened", Level = LogLevel.Warning,
        Message = "Upstream {Upstream}: the trial attempt after the break failed ({Last}); its circuit breaker opens again and its requests get 503 for {Break}s")]
    public static partial void BreakerReopened(ILogger logger, string upstream, string last, double @break);

    /// <summary>A breaker lets one trial attempt through.</summary>
    [LoggerMessage(EventId = EventIds.BreakerHalfOpened, Level = LogLevel.Information,
        Message = "Upstream {Upstream}: its circuit breaker's break is over; one trial request decides whether it closes")]
    public static partial void BreakerHalfOpened(ILogger logger, string upstream);

    /// <summary>A breaker closed.</summary>
    [LoggerMessage(EventId = EventIds.BreakerClosed, Level = LogLevel.Information,
        Message = "Upstream {Upstream}: a trial request succeeded; its circuit breaker closes and its requests are forwarded again")]
    public static partial void BreakerClosed(ILogger logger, string upstream);

    /// <summary>A request met an open breaker.</summary>
    [LoggerMessage(EventId = EventIds.BreakerRefused, Level = LogLevel.Debug,
        Message = "Route {Route}: the circuit breaker of upstream {Upstream} is open; answered 503")]
    public static partial void BreakerRefused(ILogger logger, string route, string upstream);
}
