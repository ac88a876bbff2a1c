using Microsoft.Extensions.Logging;

namespace Gateway.Logging;

/// <summary>Log lines of request mirroring; all Debug, since a shadow's trouble is not the client's.</summary>
public static partial class Log
{
    /// <summary>A mirrored copy failed.</summary>
    [LoggerMessage(EventId = EventIds.MirrorFailed, Level = LogLevel.Debug,
        Message = "Route {Route}: the copy to mirror upstream {Upstream} endpoint {Endpoint} failed ({Error}); the client's request is not affected")]
    public static partial void MirrorFailed(ILogger logger, string route, string upstream, string endpoint, string error);

    /// <summary>A sampled request was not copied.</summary>
    [LoggerMessage(EventId = EventIds.MirrorSkipped, Level = LogLevel.Debug,
        Message = "Route {Route}: not mirrored to {Upstream}, which has {Limit} copies in flight")]
    public static partial void MirrorSkipped(ILogger logger, string route, string upstream, int limit);
}
