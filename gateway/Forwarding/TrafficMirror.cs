using Gateway.Logging;
using Gateway.Pipeline;
using Gateway.Upstreams;
using Microsoft.Net.Http.Headers;

namespace Gateway.Forwarding;

/// <summary>Shadow traffic (<c>mirror UPSTREAM P%</c>): a copy of a sampled share of a route's requests goes to another
/// upstream, and its answer is thrown away.</summary>
/// <remarks>
/// The copy is sent on its own task after the route's policies have run, and the request path never waits for it, so
/// the client's response and latency are the same with or without a mirror. Only requests without a body are copied
/// (the body streams once, to the real upstream). The copy carries the client's method, path, query and headers (hop-by-hop
/// ones aside), <c>X-Forwarded-Host</c> with the client's host, and <c>X-Gateway-Mirror: 1</c>, so the shadow can tell
/// copies apart; the shadow endpoint's own host is its <c>Host</c>. At most <see cref="MaxInFlight"/> copies are in
/// flight in the process, each for at most <see cref="Timeout"/>; a copy beyond that is skipped, so a slow shadow costs
/// the gateway bounded memory. Failures are Debug lines: shadow traffic is nobody's incident.
/// </remarks>
public sealed class TrafficMirror : IDisposable
{
    /// <summary>The most copies in flight at once in the process.</summary>
    public const int MaxInFlight = 256;

    /// <summary>How long one copy may take before it is given up.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private static readonly HashSet<string> NotCopied = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Host, HeaderNames.Connection, HeaderNames.KeepAlive, HeaderNames.TE, HeaderNames.Trailer,
        HeaderNames.TransferEncoding, HeaderNames.Upgrade, HeaderNames.ProxyAuthorization, "Proxy-Connection",
        HeaderNames.ContentLength,
    };

    private readonly HttpMessageInvoker _client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(2),
    }, disposeHandler: true);

    private readonly ILogger _logger;
    private int _inFlight;

    /// <summary>Creates the mirror; <paramref name="logger"/> gets its Debug lines.</summary>
    public TrafficMirror(ILogger<TrafficMirror> logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
    }

    /// <summary>Copies in flight now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Starts a copy of <paramref name="request"/> to <paramref name="shadow"/> when it is sampled and has no body.</summary>
    public void TryStart(RequestContext request, UpstreamPool shadow, int percent)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(shadow);
        var http = request.Http.Request;
        if (http.ContentLength is > 0 || (http.ContentLength is null && http.Headers.TransferEncoding.Count > 0)
            || (percent < 100 && Random.Shared.Next(100) >= percent))
        {
            return;
        }

        if (Interlocked.Increment(ref _inFlight) > MaxInFlight)
        {
            Interlocked.Decrement(ref _inFlight);
            Log.MirrorSkipped(_logger, request.Route!.Name, shadow.Name, MaxInFlight);
            return;
        }

        if (shadow.Pick() is not { } endpoint)
        {
            Interlocked.Decrement(ref _inFlight);
            return;
        }

        // The message is built here, while the request's headers are certain to be there; the send runs on its own.
        var message = new HttpRequestMessage(new HttpMethod(http.Method), endpoint.Address.TrimEnd('/') + http.Path.ToUriComponent() + http.QueryString.ToUriComponent());
        foreach (var (name, values) in http.Headers)
        {
            if (!NotCopied.Contains(name))
            {
                message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        message.Headers.TryAddWithoutValidation(ForwardedHeaderNames.Host, http.Host.Value);
        message.Headers.TryAddWithoutValidation("X-Gateway-Mirror", "1");
        _ = Task.Run(() => SendAsync(message, endpoint, request.Route!.Name, shadow.Name));
    }

    /// <inheritdoc/>
    public void Dispose() => _client.Dispose();

    private async Task SendAsync(HttpRequestMessage message, EndpointState endpoint, string route, string shadow)
    {
        endpoint.Enter();
        try
        {
            using var timeout = new CancellationTokenSource(Timeout);
            using var response = await _client.SendAsync(message, timeout.Token);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or ObjectDisposedException)
        {
            Log.MirrorFailed(_logger, route, shadow, endpoint.Address, exception is OperationCanceledException ? "no answer within " + Timeout.TotalSeconds + " s" : exception.GetBaseException().Message);
        }
        finally
        {
            endpoint.Exit();
            message.Dispose();
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
