using Gateway.Dsl.Model;

namespace Gateway.Upstreams;

/// <summary>Owns the upstreams' run-time state across table snapshots: a new table re-uses the pool of every upstream
/// whose definition did not change, so its endpoints' in-flight counts, health and circuit breaker carry over.</summary>
/// <remarks>One per process. Building a snapshot is rare and single-threaded in practice; a lock keeps two concurrent
/// builds from handing out two pools for one definition.</remarks>
public sealed class UpstreamRegistry : IDisposable
{
    private readonly Lock _lock = new();
    private readonly ILoggerFactory _loggers;
    private readonly Lazy<HttpMessageInvoker> _healthClient = new(CreateHealthClient);
    private Dictionary<string, UpstreamPool> _pools = new(StringComparer.Ordinal);

    /// <summary>Creates a registry whose health checks log nowhere (tests and tools).</summary>
    public UpstreamRegistry()
        : this(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance)
    {
    }

    /// <summary>Creates the registry; <paramref name="loggers"/> creates the loggers of health probers and breakers.</summary>
    public UpstreamRegistry(ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        _loggers = loggers;
    }

    /// <summary>The pools for <paramref name="upstreams"/>, by name: kept where the definition is equal, new otherwise.
    /// Pools of upstreams that are gone are dropped.</summary>
    public IReadOnlyDictionary<string, UpstreamPool> Resolve(IEnumerable<Upstream> upstreams)
    {
        ArgumentNullException.ThrowIfNull(upstreams);
        lock (_lock)
        {
            var next = new Dictionary<string, UpstreamPool>(StringComparer.Ordinal);
            foreach (var upstream in upstreams)
            {
                next[upstream.Name] = _pools.TryGetValue(upstream.Name, out var pool) && pool.Definition == upstream ? pool : Create(upstream);
            }

            // A pool that is no longer in the table stops its health checks; requests still holding it finish normally.
            foreach (var (name, pool) in _pools)
            {
                if (!next.TryGetValue(name, out var kept) || !ReferenceEquals(kept, pool))
                {
                    pool.Dispose();
                }
            }

            _pools = next;
            return next;
        }
    }

    /// <summary>Stops every pool's health checks.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var pool in _pools.Values)
            {
                pool.Dispose();
            }

            _pools = new Dictionary<string, UpstreamPool>(StringComparer.Ordinal);
        }

        if (_healthClient.IsValueCreated)
        {
            _healthClient.Value.Dispose();
        }
    }

    private UpstreamPool Create(Upstream upstream)
    {
        var pool = UpstreamPool.From(upstream, _loggers.CreateLogger<UpstreamBreaker>());
        if (upstream.Health is { } check)
        {
            pool.StartHealthChecks(new HealthProber(pool, check, _healthClient.Value, _loggers.CreateLogger<HealthProber>()));
        }

        return pool;
    }

    // Health checks get a client of their own: their connections must not count against, or wait behind, forwarded
    // requests, and a 3xx answer is a pass, not a redirect to follow.
    private static HttpMessageInvoker CreateHealthClient() => new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
    }, disposeHandler: true);
}
