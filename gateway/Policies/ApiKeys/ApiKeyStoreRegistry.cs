using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Policies.ApiKeys;

/// <summary>One <see cref="ApiKeyStore"/> per keys file for the whole process, shared by every route and every table
/// snapshot that names the file, so reloading the route table neither re-reads the file nor loses its last good keys.</summary>
/// <remarks>A store lives until the registry is disposed (on shutdown, by the DI container), which stops its timer; the
/// number of stores is bounded by the distinct paths route files have named.</remarks>
public sealed class ApiKeyStoreRegistry : IDisposable
{
    /// <summary>How often a keys file is checked unless configured otherwise (Gateway:KeysFileCheckInterval).</summary>
    public static readonly TimeSpan DefaultCheckInterval = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, ApiKeyStore> _stores = new(StringComparer.Ordinal);
    private readonly ILoggerFactory _loggers;
    private readonly TimeSpan _checkInterval;
    private bool _disposed;

    /// <summary>Creates a registry whose stores check their files every <paramref name="checkInterval"/>.</summary>
    public ApiKeyStoreRegistry(ILoggerFactory loggers, TimeSpan checkInterval)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        _loggers = loggers;
        _checkInterval = checkInterval;
    }

    /// <summary>A registry that logs nothing and checks files at the default interval (tests without DI).</summary>
    public ApiKeyStoreRegistry()
        : this(NullLoggerFactory.Instance, DefaultCheckInterval)
    {
    }

    /// <summary>The store of <paramref name="path"/>, created (and its file read) on first use.</summary>
    public ApiKeyStore Get(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var key = System.IO.Path.GetFullPath(path);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_stores.TryGetValue(key, out var store))
            {
                store = new ApiKeyStore(path, _checkInterval, _loggers.CreateLogger<ApiKeyStore>());
                _stores.Add(key, store);
            }

            return store;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            foreach (var store in _stores.Values)
            {
                store.Dispose();
            }

            _stores.Clear();
        }
    }
}
