using Gateway.Dsl.Model;
using Gateway.Logging;
using StackExchange.Redis;

namespace Gateway.RateLimiting;

/// <summary>One Redis server that global rate limits count in: one connection for the process, one atomic script per
/// decision, a tight timeout, and one log line per change between reachable and not.</summary>
/// <remarks>
/// The count is GCRA (the generic cell rate algorithm, the token bucket written as one timestamp per key): the key holds
/// the time at which its bucket would be full again, so a decision is one read, one compare and one write, done by a Lua
/// script so that replicas never interleave. Time is Redis's own (<c>TIME</c>), so the replicas' clocks need not agree.
/// <para>The connection is made in the background and remade by StackExchange.Redis when it drops
/// (<c>AbortOnConnectFail=false</c>); while it is down, commands fail at once instead of queueing
/// (<see cref="BacklogPolicy.FailFast"/>), and a command that takes longer than the timeout is given up on. Either way
/// the caller gets null and applies the route's failure mode: no request waits on Redis longer than the timeout.</para>
/// </remarks>
public sealed class RedisRateLimitStore : IAsyncDisposable
{
    // KEYS[1]: the key. ARGV[1]: microseconds per token. ARGV[2]: the bucket size.
    // Returns {admitted (1/0), whole tokens left, microseconds until one is, microseconds until the bucket is full}.
    private const string Script = """
        local now = redis.call('TIME')
        now = tonumber(now[1]) * 1000000 + tonumber(now[2])
        local interval = tonumber(ARGV[1])
        local size = tonumber(ARGV[2])
        local full = tonumber(redis.call('GET', KEYS[1]) or now)
        if full < now then full = now end
        local earliest = full - (size - 1) * interval
        if now < earliest then
          return {0, 0, earliest - now, full - now}
        end
        full = full + interval
        redis.call('SET', KEYS[1], full, 'PX', math.ceil((full - now) / 1000) + 1000)
        return {1, math.floor((now - (full - size * interval)) / interval), 0, full - now}
        """;

    private readonly ILogger _logger;
    private readonly TimeSpan _timeout;
    private readonly Task<ConnectionMultiplexer> _connecting;
    private int _state; // 0 unknown, 1 answering, 2 failing
    private volatile string? _lastFailure;

    /// <summary>Starts connecting to <paramref name="address"/> in the background.</summary>
    /// <param name="address">The Redis server, <c>host:port</c>.</param>
    /// <param name="timeout">The most a decision may wait for Redis.</param>
    /// <param name="logger">Where changes of reachability are logged.</param>
    public RedisRateLimitStore(string address, TimeSpan timeout, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(logger);
        Address = address;
        _timeout = timeout;
        _logger = logger;
        var options = new ConfigurationOptions
        {
            AbortOnConnectFail = false,
            BacklogPolicy = BacklogPolicy.FailFast,
            ConnectTimeout = 2000,
            AsyncTimeout = Math.Max(1, (int)timeout.TotalMilliseconds),
            SyncTimeout = Math.Max(1, (int)timeout.TotalMilliseconds),
            ReconnectRetryPolicy = new ExponentialRetry(250, 5000),
            ClientName = "gateway",
        };
        options.EndPoints.Add(address);
        _connecting = ConnectionMultiplexer.ConnectAsync(options);

        // The reason a later decision reports while the connection is down (name not resolved, refused, …).
        _connecting.ContinueWith(
            connected => connected.Result.ConnectionFailed += (_, failure) =>
                _lastFailure = failure.FailureType + ": " + (failure.Exception?.GetBaseException().Message ?? "no detail"),
            CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    /// <summary>The server, <c>host:port</c>.</summary>
    public string Address { get; }

    /// <summary>Takes one token for <paramref name="key"/> under <paramref name="limit"/>; null when Redis cannot be asked
    /// within the timeout (the route then applies its failure mode).</summary>
    public async ValueTask<RateLimitDecision?> AcquireAsync(string key, RateLimit limit)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(limit);
        // The first requests after startup may come before the connection is made: they wait for it, within the timeout.
        if (!_connecting.IsCompleted)
        {
            try
            {
                await _connecting.WaitAsync(_timeout);
            }
            catch (Exception exception) when (exception is TimeoutException or RedisException)
            {
                // Reported below as not connected.
            }
        }

        if (!_connecting.IsCompletedSuccessfully || !_connecting.Result.IsConnected)
        {
            Failed(_connecting.IsFaulted ? _connecting.Exception!.GetBaseException().Message
                : "not connected" + (_lastFailure is { } last ? ", last failure " + last : "; StackExchange.Redis keeps trying in the background"));
            return null;
        }

        try
        {
            var interval = limit.Window.Ticks / 10 / limit.Permits;
            var result = await _connecting.Result.GetDatabase()
                .ScriptEvaluateAsync(Script, new RedisKey[] { key }, new RedisValue[] { Math.Max(1, interval), limit.Burst })
                .WaitAsync(_timeout);
            var values = (long[])result!;
            Answered();
            return new RateLimitDecision(values[0] == 1, values[1], Microseconds(values[2]), Microseconds(values[3]));
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or InvalidCastException)
        {
            Failed(exception is TimeoutException ? "no answer within " + _timeout.TotalMilliseconds + " ms" : exception.Message);
            return null;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            var connection = await _connecting;
            await connection.DisposeAsync();
        }
        catch (RedisException)
        {
            // Never connected: nothing to close.
        }
    }

    private static TimeSpan Microseconds(long value) => TimeSpan.FromTicks(Math.Max(0, value) * 10);

    private void Answered()
    {
        if (Interlocked.Exchange(ref _state, 1) == 2)
        {
            Log.RedisRecovered(_logger, Address);
        }
    }

    private void Failed(string reason)
    {
        if (Interlocked.Exchange(ref _state, 2) != 2)
        {
            Log.RedisUnavailable(_logger, Address, reason);
        }
    }
}
