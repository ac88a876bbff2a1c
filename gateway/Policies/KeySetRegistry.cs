using System.Collections.Concurrent;
using System.Net;

namespace Gateway.Policies;

/// <summary>The JWKS key sets of the process, one per URL, shared by every route and table snapshot that names the
/// URL, so a reload does not refetch keys it has.</summary>
/// <remarks>The sets fetch with a client of their own, not the forwarding client: an issuer is no upstream, and a slow
/// one must not hold the upstreams' connections or timeouts.</remarks>
public sealed class KeySetRegistry : IDisposable
{
    /// <summary>How long one fetch may take, connecting included.</summary>
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The largest JWKS document read; real ones are a few kilobytes.</summary>
    public const int MaxDocumentBytes = 1024 * 1024;

    private readonly ConcurrentDictionary<string, JwksKeySet> _sets = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly Lazy<HttpClient> _client;
    private readonly ILoggerFactory _loggers;
    private readonly TimeProvider _time;

    /// <summary>Creates an empty registry; <paramref name="time"/> is the system clock unless a test gives its own.</summary>
    public KeySetRegistry(ILoggerFactory loggers, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        _loggers = loggers;
        _time = time ?? TimeProvider.System;

        // Made on first use, so registries that never see a JWKS URL (most tests) hold no client.
        _client = new Lazy<HttpClient>(CreateClient);
    }

    /// <summary>The set for <paramref name="url"/>; a new one starts fetching at once.</summary>
    public JwksKeySet For(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (_sets.TryGetValue(url, out var set))
        {
            return set;
        }

        // Under a lock, so two snapshots built at once cannot make, and prime, two sets for one URL.
        lock (_lock)
        {
            if (!_sets.TryGetValue(url, out set))
            {
                set = new JwksKeySet(new Uri(url, UriKind.Absolute), _client.Value, _time, _loggers.CreateLogger<JwksKeySet>());
                _sets[url] = set;
                set.Prime();
            }

            return set;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }

    private static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        ConnectTimeout = FetchTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.All,
        MaxAutomaticRedirections = 3,
        UseCookies = false,
    })
    {
        Timeout = FetchTimeout,
        MaxResponseContentBufferSize = MaxDocumentBytes,
    };
}
