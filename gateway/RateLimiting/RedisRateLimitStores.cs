using System.Collections.Concurrent;

namespace Gateway.RateLimiting;

/// <summary>The process's Redis connections for global rate limits, one per address, kept across table snapshots so
/// that a reload neither reconnects nor loses the count.</summary>
public sealed class RedisRateLimitStores : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<RedisRateLimitStore>> _stores = new(StringComparer.OrdinalIgnoreCase);
    private readonly ILoggerFactory _loggers;

    /// <summary>The most a decision waits for Redis unless Gateway:RedisTimeout says otherwise: Redis answers a script
    /// in well under a millisecond in the same cluster, so 100 ms means it is in trouble.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>Creates the registry.</summary>
    /// <param name="loggers">Creates the stores' loggers.</param>
    /// <param name="timeout">The most a decision may wait for Redis (Gateway:RedisTimeout).</param>
    /// <param name="address">The address from configuration (Gateway:Redis), which wins over the route file's; or null.</param>
    public RedisRateLimitStores(ILoggerFactory loggers, TimeSpan timeout, string? address)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        _loggers = loggers;
        Timeout = timeout;
        ConfiguredAddress = address;
    }

    /// <summary>The most a decision may wait for Redis.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The address from configuration, or null.</summary>
    public string? ConfiguredAddress { get; }

    /// <summary>The store for the configured address, or else <paramref name="fileAddress"/>; null when there is neither.</summary>
    public RedisRateLimitStore? Get(string? fileAddress)
    {
        var address = ConfiguredAddress ?? fileAddress;
        if (address is null)
        {
            return null;
        }

        return _stores.GetOrAdd(address, a => new Lazy<RedisRateLimitStore>(
            () => new RedisRateLimitStore(a, Timeout, _loggers.CreateLogger<RedisRateLimitStore>()))).Value;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores.Values)
        {
            if (store.IsValueCreated)
            {
                await store.Value.DisposeAsync();
            }
        }
    }
}
