using Microsoft.Extensions.Logging;

namespace Gateway.Logging;

/// <summary>Log lines of the <c>api-key</c> policy and its keys files; none of them ever carries a key.</summary>
public static partial class Log
{
    /// <summary>No key in the request.</summary>
    [LoggerMessage(EventId = EventIds.ApiKeyMissing, Level = LogLevel.Debug,
        Message = "Route {Route}: no API key in {Source}; answered 401")]
    public static partial void ApiKeyMissing(ILogger logger, string route, string source);

    /// <summary>A key that is not listed, or more than one.</summary>
    [LoggerMessage(EventId = EventIds.ApiKeyRejected, Level = LogLevel.Debug,
        Message = "Route {Route}: the API key in {Source} is not valid ({Reason}); answered 401")]
    public static partial void ApiKeyRejected(ILogger logger, string route, string source, string reason);

    /// <summary>The route's keys file has never been read.</summary>
    [LoggerMessage(EventId = EventIds.ApiKeysNotLoaded, Level = LogLevel.Debug,
        Message = "Route {Route}: keys file {Path} has not been read; answered 503")]
    public static partial void ApiKeysNotLoaded(ILogger logger, string route, string path);

    /// <summary>A keys file is in use.</summary>
    [LoggerMessage(EventId = EventIds.ApiKeysLoaded, Level = LogLevel.Information,
        Message = "Keys file {Path} read: keys in use {KeyCount}, consumers {ConsumerCount}")]
    public static partial void ApiKeysLoaded(ILogger logger, string path, int keyCount, int consumerCount);

    /// <summary>A keys file went bad after a good reading.</summary>
    [LoggerMessage(EventId = EventIds.ApiKeysKept, Level = LogLevel.Warning,
        Message = "Keys file {Path} cannot be used: {Reason}; the {KeyCount} keys read before stay in use until it can")]
    public static partial void ApiKeysKept(ILogger logger, string path, string reason, int keyCount);

    /// <summary>A keys file has never been usable.</summary>
    [LoggerMessage(EventId = EventIds.ApiKeysUnavailable, Level = LogLevel.Warning,
        Message = "Keys file {Path} cannot be used: {Reason}; routes that use it answer 503 until it can")]
    public static partial void ApiKeysUnavailable(ILogger logger, string path, string reason);

    /// <summary>A skipped line, by number only.</summary>
    [LoggerMessage(EventId = EventIds.ApiKeysLineSkipped, Level = LogLevel.Warning,
        Message = "Keys file {Path} line {Line}: {Problem}; the line is skipped")]
    public static partial void ApiKeysLineSkipped(ILogger logger, string path, int line, string problem);

    /// <summary>A check threw something other than an I/O error.</summary>
    [LoggerMessage(EventId = EventIds.ApiKeysCheckFailed, Level = LogLevel.Error,
        Message = "Checking keys file {Path} failed; the next check tries again")]
    public static partial void ApiKeysCheckFailed(ILogger logger, string path, Exception exception);
}
