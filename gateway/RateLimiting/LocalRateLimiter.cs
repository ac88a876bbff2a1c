using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.RateLimiting;
using Gateway.Dsl.Model;
using Gateway.Logging;

namespace Gateway.RateLimiting;

/// <summary>One route's <c>limit</c> counted in this process: a token bucket per key, at most <see cref="MaxKeys"/> of them.</summary>
/// <remarks>
/// Each bucket is a <see cref="TokenBucketRateLimiter"/> without its own timer: it is refilled, in proportion to the time
/// that passed, just before each request takes a token, so one bucket costs no timer and the count is exact at any rate.
/// <para>At <see cref="MaxKeys"/> keys (nginx's <c>limit_req_zone</c> of 1 MB holds about 16,000 states) the buckets that
/// have refilled completely are dropped, at most once a second: a full bucket is the same as a new one, so nothing is
/// lost. When none is full, new keys share one overflow bucket with the same rate until some are, so neither memory nor
/// the limit gives way to a client that invents keys; a Warning says so once per table.</para>
/// </remarks>
public sealed class LocalRateLimiter
{
    /// <summary>The most keys a route tracks at once.</summary>
    public const int MaxKeys = 16_384;

    private static readonly long SweepInterval = Stopwatch.Frequency;

    private readonly RateLimit _limit;
    private readonly string _route;
    private readonly ILogger _logger;
    private readonly TokenBucketRateLimiterOptions _options;
    private readonly double _secondsPerToken;
    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> _buckets = new(StringComparer.Ordinal);
    private readonly TokenBucketRateLimiter _shared;
    private readonly int _maxKeys;
    private readonly object _sweepLock = new();
    private int _count;
    private long _nextSweep;
    private int _warnedFull;

    /// <summary>Creates the buckets of <paramref name="limit"/> on <paramref name="route"/>.</summary>
    /// <param name="route">The route's name, for logs.</param>
    /// <param name="limit">The checked limit.</param>
    /// <param name="logger">Where the Warning about a full key table goes.</param>
    /// <param name="maxKeys">The most keys tracked; <see cref="MaxKeys"/> unless a test says otherwise.</param>
    public LocalRateLimiter(string route, RateLimit limit, ILogger logger, int maxKeys = MaxKeys)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(limit);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxKeys);
        _route = route;
        _limit = limit;
        _logger = logger;
        _maxKeys = maxKeys;
        _options = new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit.Burst,
            TokensPerPeriod = limit.Permits,
            ReplenishmentPeriod = limit.Window,
            AutoReplenishment = false,
            QueueLimit = 0,
        };
        _secondsPerToken = limit.Window.TotalSeconds / limit.Permits;
        _shared = new TokenBucketRateLimiter(_options);
    }

    /// <summary>The number of keys with a bucket of their own.</summary>
    public int KeyCount => Volatile.Read(ref _count);

    /// <summary>Takes one token from the bucket of <paramref name="key"/> (the route's one bucket for <c>by route</c>).</summary>
    public RateLimitDecision Acquire(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var bucket = _limit.Key.Kind == RateLimitKeyKind.Route ? _shared : Bucket(key);
        bucket.TryReplenish();
        using var lease = bucket.AttemptAcquire(1);
        var available = bucket.GetStatistics()?.CurrentAvailablePermits ?? 0;
        var reset = TimeSpan.FromSeconds((_limit.Burst - available) * _secondsPerToken);
        return lease.IsAcquired
            ? new RateLimitDecision(true, available, TimeSpan.Zero, reset)
            : new RateLimitDecision(false, 0, TimeSpan.FromSeconds(_secondsPerToken), reset);
    }

    private TokenBucketRateLimiter Bucket(string key)
    {
        while (true)
        {
            if (_buckets.TryGetValue(key, out var bucket))
            {
                return bucket;
            }

            if (Volatile.Read(ref _count) >= _maxKeys && !Sweep())
            {
                if (Interlocked.Exchange(ref _warnedFull, 1) == 0)
                {
                    Log.RateLimitKeysFull(_logger, _route, _maxKeys);
                }

                return _shared;
            }

            var created = new TokenBucketRateLimiter(_options);
            if (_buckets.TryAdd(key, created))
            {
                Interlocked.Increment(ref _count);
                return created;
            }
        }
    }

    /// <summary>Drops the buckets that have refilled completely; true when that made room. Runs at most once a second.</summary>
    /// <remarks>A request that looked its bucket up just before the bucket was dropped takes its token from it anyway:
    /// the bucket was full, so the request would have been admitted by a new one too. Dropped buckets are not disposed,
    /// for that reason; without a timer they hold nothing but memory.</remarks>
    private bool Sweep()
    {
        lock (_sweepLock)
        {
            var now = Stopwatch.GetTimestamp();
            if (now >= _nextSweep)
            {
                _nextSweep = now + SweepInterval;
                foreach (var pair in _buckets)
                {
                    pair.Value.TryReplenish();
                    if (pair.Value.IdleDuration is not null && _buckets.TryRemove(pair))
                    {
                        Interlocked.Decrement(ref _count);
                    }
                }
            }

            return Volatile.Read(ref _count) < _maxKeys;
        }
    }
}
