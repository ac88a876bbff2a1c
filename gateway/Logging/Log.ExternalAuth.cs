using Microsoft.Extensions.Logging;

namespace Gateway.Logging;

/// <summary>Log lines of the <c>ext-auth</c> policy: denials at Debug (a client matter), the service's failures at
/// Warning once per streak (an operator matter).</summary>
public static partial class Log
{
    /// <summary>The service said no.</summary>
    [LoggerMessage(EventId = EventIds.ExternalAuthDenied, Level = LogLevel.Debug,
        Message = "Route {Route}: {Url} denied {Method} {Path} with {StatusCode}")]
    public static partial void ExternalAuthDenied(ILogger logger, string route, string url, string method, string path, int statusCode);

    /// <summary>The first failure of a streak.</summary>
    [LoggerMessage(EventId = EventIds.ExternalAuthFailed, Level = LogLevel.Warning,
        Message = "Route {Route}: external authorization at {Url} failed: {Reason}; requests are {Decision} until it answers again")]
    public static partial void ExternalAuthFailed(ILogger logger, string route, string url, string reason, string decision);

    /// <summary>The end of a streak.</summary>
    [LoggerMessage(EventId = EventIds.ExternalAuthRecovered, Level = LogLevel.Information,
        Message = "Route {Route}: external authorization at {Url} answers again")]
    public static partial void ExternalAuthRecovered(ILogger logger, string route, string url);

    /// <summary>One request the service could not judge.</summary>
    [LoggerMessage(EventId = EventIds.ExternalAuthUnavailable, Level = LogLevel.Debug,
        Message = "Route {Route}: {Url} could not judge {Method} {Path} ({Reason}); {Decision}")]
    public static partial void ExternalAuthUnavailable(ILogger logger, string route, string url, string method, string path, string reason,
        string decision);
}
