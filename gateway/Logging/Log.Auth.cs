using Microsoft.Extensions.Logging;

namespace Gateway.Logging;

/// <summary>The log lines of the <c>jwt</c> and <c>require</c> policies and the key sets behind them.</summary>
/// <remarks>A rejected request is the client's business and logs at Debug; a key source that fails logs one Warning
/// when it starts failing, not one per request. No line carries a token or a key.</remarks>
public static partial class Log
{
    /// <summary>A request to a <c>jwt</c> route carried no token.</summary>
    [LoggerMessage(EventId = EventIds.TokenMissing, Level = LogLevel.Debug,
        Message = "Route {Route}: no token in {Source}; answered 401")]
    public static partial void TokenMissing(ILogger logger, string route, string source);

    /// <summary>A token was rejected; <paramref name="reason"/> is its class, e.g. <c>Expired</c>.</summary>
    [LoggerMessage(EventId = EventIds.TokenRejected, Level = LogLevel.Debug,
        Message = "Route {Route}: token rejected ({Reason}); answered 401")]
    public static partial void TokenRejected(ILogger logger, string route, Gateway.Policies.JwtRejection reason);

    /// <summary>A route had no keys to check a token with.</summary>
    [LoggerMessage(EventId = EventIds.SigningKeysUnavailable, Level = LogLevel.Debug,
        Message = "Route {Route}: no signing keys from {KeySource} to check the token with; answered 503")]
    public static partial void SigningKeysUnavailable(ILogger logger, string route, string keySource);

    /// <summary>A key file could not be used when the table snapshot was built.</summary>
    [LoggerMessage(EventId = EventIds.KeyFileUnusable, Level = LogLevel.Warning,
        Message = "Route {Route}: key file {Path} cannot be used ({Error}); the route answers 503 until a route table that can read it is loaded")]
    public static partial void KeyFileUnusable(ILogger logger, string route, string path, string error);

    /// <summary>The first failed fetch of a streak.</summary>
    [LoggerMessage(EventId = EventIds.JwksFetchFailed, Level = LogLevel.Warning,
        Message = "Fetching the JWKS from {Url} failed ({Error}); {Fallback}")]
    public static partial void JwksFetchFailed(ILogger logger, string url, string error, string fallback);

    /// <summary>A later failed fetch of the same streak.</summary>
    [LoggerMessage(EventId = EventIds.JwksStillFailing, Level = LogLevel.Debug,
        Message = "Fetching the JWKS from {Url} failed again ({Error})")]
    public static partial void JwksStillFailing(ILogger logger, string url, string error);

    /// <summary>A fetch succeeded after a streak of failures.</summary>
    [LoggerMessage(EventId = EventIds.JwksRecovered, Level = LogLevel.Information,
        Message = "Fetching the JWKS from {Url} works again: {KeyCount} keys")]
    public static partial void JwksRecovered(ILogger logger, string url, int keyCount);

    /// <summary>A fetch succeeded.</summary>
    [LoggerMessage(EventId = EventIds.JwksFetched, Level = LogLevel.Debug,
        Message = "Fetched {KeyCount} keys from {Url}")]
    public static partial void JwksFetched(ILogger logger, string url, int keyCount);

    /// <summary>A valid token lacks what a <c>require</c> line asks for.</summary>
    [LoggerMessage(EventId = EventIds.RequirementNotMet, Level = LogLevel.Debug,
        Message = "Route {Route}: token lacks 'require {Requirement}'; answered 403")]
    public static partial void RequirementNotMet(ILogger logger, string route, string requirement);
}
