using Gateway.Logging;

namespace Gateway.Policies;

/// <summary>The keys behind one JWKS URL: fetched, cached, refreshed, and shared by every route and table snapshot
/// that names the URL.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>A request never fetches more than once per <c>jwks-min-refresh</c> (the floor), whatever its token says:
/// a flood of tokens with made-up <c>kid</c>s is answered from the keys in hand, not by a flood of fetches
/// (RFC 8725 §3.10 warns that <c>kid</c> is attacker input).</item>
/// <item>A set older than <c>jwks-refresh</c> is refetched in the background; the request that notices goes on with
/// the keys in hand.</item>
/// <item>A token whose <c>kid</c> the set lacks forces a fetch (the issuer may have rotated its keys) and waits for
/// it, unless the floor forbids one.</item>
/// <item>Concurrent callers share the one fetch in flight.</item>
/// <item>A failed fetch (issuer down, a status other than 2xx, a body that is no JWKS or holds no usable key) keeps
/// the last good set in use. The first failure of a streak logs a Warning, the rest Debug.</item>
/// </list>
/// </remarks>
public sealed class JwksKeySet
{
    private readonly Uri _url;
    private readonly HttpClient _client;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private volatile JwtKeys? _keys;
    private Task<JwtKeys?>? _fetch;
    private long _lastAttemptTicks;

    // Written only by the fetch, and fetches never overlap.
    private bool _failing;

    /// <summary>Creates the set for <paramref name="url"/>; nothing is fetched until <see cref="Prime"/> or a request.</summary>
    public JwksKeySet(Uri url, HttpClient client, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _url = url;
        _client = client;
        _time = time;
        _logger = logger;
    }

    /// <summary>The URL keys are fetched from.</summary>
    public Uri Url => _url;

    /// <summary>The last good keys, or null when no fetch has succeeded yet.</summary>
    public JwtKeys? Current => _keys;

    /// <summary>Starts the first fetch, so the first request finds it done or under way.</summary>
    public void Prime() => _ = RefreshAsync(TimeSpan.Zero);

    /// <summary>The keys to check a token with <paramref name="kid"/> against: the current set, refreshed first when
    /// the token names a key it lacks and the floor allows. Null when no fetch has ever succeeded.</summary>
    /// <param name="kid">The token's <c>kid</c>, or null.</param>
    /// <param name="refresh">How old a set may grow before it is refetched in the background.</param>
    /// <param name="minRefresh">The floor: the shortest time between two fetches.</param>
    public ValueTask<JwtKeys?> GetAsync(string? kid, TimeSpan refresh, TimeSpan minRefresh)
    {
        var keys = _keys;
        if (keys is null || (kid is not null && keys.Find(kid) < 0))
        {
            return RefreshAsync(minRefresh);
        }

        var now = _time.GetUtcNow();
        if (now - keys.LoadedAt >= refresh && FloorPassed(now.UtcTicks, minRefresh))
        {
            _ = RefreshAsync(minRefresh);
        }

        return new ValueTask<JwtKeys?>(keys);
    }

    /// <summary>The fetch in flight, a new one when the floor allows, or else the keys in hand.</summary>
    private ValueTask<JwtKeys?> RefreshAsync(TimeSpan minRefresh)
    {
        lock (_lock)
        {
            if (_fetch is { IsCompleted: false } running)
            {
                return new ValueTask<JwtKeys?>(running);
            }

            var now = _time.GetUtcNow().UtcTicks;
            if (!FloorPassed(now, minRefresh))
            {
                return new ValueTask<JwtKeys?>(_keys);
            }

            Volatile.Write(ref _lastAttemptTicks, now);

            // Off the lock and off the caller's stack: the fetch runs on its own, and callers await the task.
            var fetch = Task.Run(FetchAsync);
            _fetch = fetch;
            return new ValueTask<JwtKeys?>(fetch);
        }
    }

    private bool FloorPassed(long nowTicks, TimeSpan minRefresh) =>
        Volatile.Read(ref _lastAttemptTicks) is var last && (last == 0 || nowTicks - last >= minRefresh.Ticks);

    /// <summary>Fetches and parses the set; on any failure keeps the last good one.</summary>
    private async Task<JwtKeys?> FetchAsync()
    {
        string error;
        try
        {
            using var response = await _client.GetAsync(_url, HttpCompletionOption.ResponseContentRead);
            if (response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync();
                if (JwksParser.Parse(body, _time.GetUtcNow(), out var parsed) is { } keys)
                {
                    Succeeded(keys);
                    return keys;
                }

                error = parsed!;
            }
            else
            {
                error = "status " + (int)response.StatusCode;
            }
        }
        catch (HttpRequestException ex)
        {
            error = ex.Message;
        }
        catch (OperationCanceledException)
        {
            error = "no answer within " + _client.Timeout.TotalSeconds + " s";
        }
        catch (Exception ex)
        {
            // Requests await this task: a fault here would turn every request of the route into a 500. Whatever broke,
            // the answer is the same: keep the last good keys and say why.
            error = ex.GetType().Name + ": " + ex.Message;
        }

        Failed(error);
        return _keys;
    }

    private void Succeeded(JwtKeys keys)
    {
        _keys = keys;
        if (_failing)
        {
            _failing = false;
            Log.JwksRecovered(_logger, _url.OriginalString, keys.Count);
        }
        else
        {
            Log.JwksFetched(_logger, _url.OriginalString, keys.Count);
        }
    }

    private void Failed(string error)
    {
        if (_failing)
        {
            Log.JwksStillFailing(_logger, _url.OriginalString, error);
            return;
        }

        _failing = true;
        var fallback = _keys is { } keys
            ? "requests are checked against the " + keys.Count + " keys fetched at " + keys.LoadedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture)
            : "no keys were ever fetched, so its routes answer 503";
        Log.JwksFetchFailed(_logger, _url.OriginalString, error, fallback);
    }
}
