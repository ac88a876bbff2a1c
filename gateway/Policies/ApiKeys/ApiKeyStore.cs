using System.Security.Cryptography;
using Gateway.Logging;

namespace Gateway.Policies.ApiKeys;

/// <summary>The keys of one keys file, kept current: read at start, then checked on a timer and re-read when its content
/// changes.</summary>
/// <remarks>
/// <para>Why a timer and not <see cref="FileSystemWatcher"/>: Kubernetes updates a mounted Secret by writing a new
/// timestamped directory and renaming a <c>..data</c> symlink over the old one; the file's own path is a symlink through
/// <c>..data</c> and never changes, so a watcher on the file sees nothing, and one on the directory sees only events for
/// <c>..data</c>. Watchers also depend on inotify limits and do not work on every volume type. The timer instead reads
/// the file through its path (following every link) and compares the SHA-256 of its content with the last one: a
/// keys file is small, so a read every few seconds costs little, and unlike a last-write-time and length check it is not
/// fooled by a coarse timestamp, a preserved modification time or an edit that keeps the length.</para>
/// <para>Failures never open the door: a file that cannot be read, or is malformed, keeps the keys read last, and one
/// that has never been read leaves <see cref="Keys"/> null, on which routes answer 503. Each failure streak logs one
/// Warning; the read that ends it logs at Information.</para>
/// <para>The check runs on a timer thread, never on the request path; requests read <see cref="Keys"/>, one volatile
/// reference to an immutable <see cref="ApiKeySet"/>.</para>
/// </remarks>
public sealed class ApiKeyStore : IDisposable
{
    private readonly ILogger _logger;
    private readonly TimeSpan _interval;
    private readonly Lock _lock = new();
    private readonly Timer? _timer;
    private volatile ApiKeySet? _keys;
    private byte[]? _contentHash;
    private bool _contentUsable;
    private bool _failing;
    private bool _disposed;

    /// <summary>Reads <paramref name="path"/> now, then every <paramref name="interval"/> (none when it is
    /// <see cref="Timeout.InfiniteTimeSpan"/>, for tests that call <see cref="Refresh"/> themselves).</summary>
    public ApiKeyStore(string path, TimeSpan interval, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(logger);
        Path = path;
        _interval = interval;
        _logger = logger;
        Refresh();
        if (interval != Timeout.InfiniteTimeSpan)
        {
            // One-shot, re-armed after each check, so a slow volume can never make two checks overlap.
            _timer = new Timer(static state => ((ApiKeyStore)state!).OnTimer(), this, interval, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The file's path as the route file names it.</summary>
    public string Path { get; }

    /// <summary>The keys read last, or null while the file has never been read successfully.</summary>
    public ApiKeySet? Keys => _keys;

    /// <summary>Reads the file and, when its content changed, parses it and replaces <see cref="Keys"/> if it is usable.</summary>
    public void Refresh()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            byte[] content;
            try
            {
                content = Read(Path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Failed(ex is FileNotFoundException or DirectoryNotFoundException ? "it does not exist" : ex.Message);
                return;
            }

            try
            {
                Update(content);
            }
            finally
            {
                // The buffer held keys in the clear.
                CryptographicOperations.ZeroMemory(content);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _timer?.Dispose();
        }
    }

    private void Update(ReadOnlySpan<byte> content)
    {
        var hash = SHA256.HashData(content);
        if (_contentHash is not null && hash.AsSpan().SequenceEqual(_contentHash))
        {
            // The content read last. If it was usable and reading had failed since (a permission, a missing file), the
            // keys in use are its keys again and the failure is over; if it was malformed, it still is.
            if (_failing && _contentUsable && _keys is { } current)
            {
                _failing = false;
                Log.ApiKeysLoaded(_logger, Path, current.Count, current.ConsumerCount);
            }

            return;
        }

        _contentHash = hash;
        var reading = ApiKeyFile.Parse(content);
        _contentUsable = reading.Keys is not null;
        foreach (var problem in reading.Problems)
        {
            Log.ApiKeysLineSkipped(_logger, Path, problem.Line, problem.Message);
        }

        if (reading.Keys is not { } keys)
        {
            Failed(reading.Error ?? "it holds no keys");
            return;
        }

        _keys = keys;
        _failing = false;
        Log.ApiKeysLoaded(_logger, Path, keys.Count, keys.ConsumerCount);
    }

    private void Failed(string reason)
    {
        if (_failing)
        {
            return;
        }

        _failing = true;
        if (_keys is { } kept)
        {
            Log.ApiKeysKept(_logger, Path, reason, kept.Count);
        }
        else
        {
            Log.ApiKeysUnavailable(_logger, Path, reason);
        }
    }

    private void OnTimer()
    {
        try
        {
            Refresh();
        }
        catch (Exception ex)
        {
            // A timer callback that throws would end the process; the next check tries again.
            Log.ApiKeysCheckFailed(_logger, Path, ex);
        }

        lock (_lock)
        {
            if (!_disposed)
            {
                _timer!.Change(_interval, Timeout.InfiniteTimeSpan);
            }
        }
    }

    // The whole file, through every symlink on its path. A file larger than the limit is read only up to one byte past
    // it, which the parser rejects; a file that grows while it is read is read to its end.
    private static byte[] Read(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        var buffer = new byte[(int)Math.Min(file.Length, ApiKeyFile.MaxBytes) + 1];
        var length = 0;
        int read;
        while ((read = file.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
            if (length == buffer.Length && length <= ApiKeyFile.MaxBytes)
            {
                var larger = new byte[Math.Min(buffer.Length * 2, ApiKeyFile.MaxBytes + 1)];
                buffer.CopyTo(larger, 0);
                CryptographicOperations.ZeroMemory(buffer);
                buffer = larger;
            }
            else if (length == buffer.Length)
            {
                break;
            }
        }

        if (length == buffer.Length)
        {
            return buffer;
        }

        var content = buffer[..length];
        CryptographicOperations.ZeroMemory(buffer);
        return content;
    }
}
