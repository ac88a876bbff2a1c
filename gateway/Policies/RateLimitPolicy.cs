using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gateway.Dsl.Model;
using Gateway.Logging;
using Gateway.Pipeline;
using Gateway.RateLimiting;
using Gateway.Responses;

namespace Gateway.Policies;

/// <summary><c>limit 100/s burst 200 by KEY [global [fail open|closed]]</c>: a token bucket per key; a request that finds
/// its bucket empty is answered 429 with <c>Retry-After</c>.</summary>
/// <remarks>
/// Every response of the route, admitted or not, carries the IETF <c>RateLimit-Policy</c> and <c>RateLimit</c> fields
/// (draft-ietf-httpapi-ratelimit-headers): <c>"ROUTE";q=PERMITS;w=WINDOW_SECONDS</c>, and <c>"ROUTE";r=LEFT;t=SECONDS</c>
/// with the whole tokens left and the seconds until the bucket is full again. They replace any the upstream sent.
/// <para>The key is read after authentication: a claim of the validated token, the API-key consumer, a header, or the
/// client's address as the connection gives it (no forwarded header is trusted). Requests without the key share one
/// bucket, so leaving the header out does not escape the limit. A key longer than 128 characters is counted by its
/// SHA-256 hash.</para>
/// <para>A <c>global</c> limit counts in Redis (<see cref="RedisRateLimitStore"/>). While Redis cannot be asked,
/// <c>fail open</c> (the default) counts in this process instead, so each replica admits up to the whole limit, and
/// <c>fail closed</c> answers 503.</para>
/// </remarks>
public sealed class RateLimitPolicy : IRequestPolicy, IResponsePolicy
{
    private const int MaxKeyLength = 128;

    private readonly string _route;
    private readonly RateLimit _limit;
    private readonly LocalRateLimiter _local;
    private readonly RedisRateLimitStore? _redis;
    private readonly string _redisPrefix;
    private readonly string _policyHeader;
    private readonly string _quotedName;
    private readonly string _keyText;
    private readonly ILogger _logger;

    /// <summary>Creates the limit of <paramref name="route"/>.</summary>
    /// <param name="route">The route's name: the policy's name in the headers, and part of the Redis key.</param>
    /// <param name="limit">The checked limit.</param>
    /// <param name="redis">For a global limit, the store to count in; null when no Redis address is configured, which
    /// behaves as a Redis that cannot be asked.</param>
    /// <param name="logger">Where refusals (Debug) and a full key table (Warning) are logged.</param>
    public RateLimitPolicy(string route, RateLimit limit, RedisRateLimitStore? redis, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(limit);
        ArgumentNullException.ThrowIfNull(logger);
        _route = route;
        _limit = limit;
        _redis = limit.Global ? redis : null;
        _logger = logger;
        _local = new LocalRateLimiter(route, limit, logger);

        // The rate is part of the key, so replicas that disagree on it during a rollout do not share a count.
        _redisPrefix = "gateway:limit:" + route + ":" + limit.RateText + ":" + limit.Burst + ":";
        _quotedName = "\"" + route + "\"";
        _keyText = limit.Key.ToString();
        _policyHeader = _quotedName + ";q=" + limit.Permits.ToString(CultureInfo.InvariantCulture) + ";w=" + ((long)limit.Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The buckets this process counts in.</summary>
    public LocalRateLimiter Local => _local;

    /// <inheritdoc/>
    public ValueTask<PolicyResult> ApplyAsync(RequestContext context)
    {
        var key = KeyOf(context);
        if (_limit.Global)
        {
            return ApplyGlobalAsync(context, key);
        }

        return Decide(context, _local.Acquire(key));
    }

    /// <inheritdoc/>
    public void Apply(RequestContext context)
    {
        if (context.RateLimit is not { } decision)
        {
            return;
        }

        var headers = context.Http.Response.Headers;
        headers["RateLimit-Policy"] = _policyHeader;
        headers["RateLimit"] = _quotedName + ";r=" + decision.Remaining.ToString(CultureInfo.InvariantCulture) + ";t=" + Seconds(decision.Reset).ToString(CultureInfo.InvariantCulture);
    }

    private async ValueTask<PolicyResult> ApplyGlobalAsync(RequestContext context, string key)
    {
        var decision = _redis is null ? null : await _redis.AcquireAsync(_redisPrefix + key, _limit);
        if (decision is { } counted)
        {
            return await Decide(context, counted);
        }

        if (_limit.FailOpen)
        {
            return await Decide(context, _local.Acquire(key));
        }

        Log.RateLimitUnavailable(_logger, _route, _redis?.Address ?? "(none configured)");
        return await context.AnswerAsync(ProblemResponse.RateLimitUnavailable, OutcomeReason.RateLimitUnavailable);
    }

    private ValueTask<PolicyResult> Decide(RequestContext context, RateLimitDecision decision)
    {
        context.RateLimit = decision;
        if (decision.Allowed)
        {
            return ValueTask.FromResult(PolicyResult.Continue);
        }

        Log.RateLimited(_logger, _route, _limit.RateText, _keyText);
        context.Http.Response.Headers.RetryAfter = Seconds(decision.RetryAfter).ToString(CultureInfo.InvariantCulture);
        return context.AnswerAsync(ProblemResponse.RateLimited, OutcomeReason.RateLimited);
    }

    /// <summary>The key of the request's bucket; an empty string when the request does not carry it.</summary>
    private string KeyOf(RequestContext context)
    {
        var key = _limit.Key.Kind switch
        {
            RateLimitKeyKind.ClientIp => context.Http.Connection.RemoteIpAddress?.ToString(),
            RateLimitKeyKind.Header => context.Http.Request.Headers[_limit.Key.Name!] is { Count: > 0 } values ? values[0] : null,
            RateLimitKeyKind.Claim => context.Identity?.FindClaim(_limit.Key.Name!),
            RateLimitKeyKind.Consumer => context.Identity?.Consumer,
            _ => null,
        } ?? string.Empty;
        return key.Length <= MaxKeyLength ? key : "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>Whole seconds, rounded up, at least one for a non-zero span: <c>Retry-After: 0</c> would invite an
    /// immediate retry that is refused again.</summary>
    private static long Seconds(TimeSpan span) => span <= TimeSpan.Zero ? 0 : Math.Max(1, (long)Math.Ceiling(span.TotalSeconds));
}
