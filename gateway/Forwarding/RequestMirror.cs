using System.Net;
using Gateway.Logging;
using Gateway.Pipeline;
using Gateway.Routing;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Forwarding;

/// <summary>A route's <c>mirror UPSTREAM P%</c>: copies that share of its requests, without their bodies, to a shadow
/// upstream and discards the answers, as Envoy's request mirror policies do.</summary>
/// <remarks>The copy is built in the request path, from the request as the route's transformer would send it upstream
/// (headers, host header, path changes), then sent without being awaited: the client's request neither waits for the
/// shadow nor fails with it. At most <see cref="MaxInFlight"/> copies per route are in flight; a sampled request beyond
/// that is not copied, so a slow shadow cannot pile up requests in the gateway.</remarks>
public sealed class RequestMirror
{
    /// <summary>The most copies of one route in flight at once.</summary>
    public const int MaxInFlight = 64;

    /// <summary>The most time one copy may take before it is abandoned.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly RouteTarget _target;
    private readonly int _percent;
    private int _inFlight;

    /// <summary>Mirrors <paramref name="percent"/>% of requests to <paramref name="target"/>.</summary>
    public RequestMirror(RouteTarget target, int percent)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        _target = target;
        _percent = percent;
    }

    /// <summary>The shadow upstream.</summary>
    public RouteTarget Target => _target;

    /// <summary>The copies in flight now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Copies <paramref name="request"/> to the shadow when it is sampled; returns once the copy is built, before
    /// it is sent.</summary>
    public async ValueTask CopyAsync(RequestContext request, HttpMessageInvoker client, ILogger logger)
    {
        if (Random.Shared.Next(100) >= _percent || _target.Pool.Pick() is not { } endpoint)
        {
            return;
        }

        if (Interlocked.Increment(ref _inFlight) > MaxInFlight)
        {
            Interlocked.Decrement(ref _inFlight);
            Log.MirrorSkipped(logger, request.Route!.Name, _target.Pool.Name, MaxInFlight);
            return;
        }

        HttpRequestMessage copy;
        try
        {
            copy = await BuildAsync(request.Http, endpoint.Address);
        }
        catch (Exception ex)
        {
            // A copy that cannot be built is the shadow's loss, never the client's.
            Interlocked.Decrement(ref _inFlight);
            Log.MirrorFailed(logger, request.Route!.Name, _target.Pool.Name, endpoint.Address, ex.GetType().Name + ": " + ex.Message);
            return;
        }

        _ = SendAsync(copy, client, logger, request.Route!.Name, endpoint.Address);
    }

    /// <summary>The copy of the request as the route's transformer would send it to <paramref name="endpoint"/>, without
    /// a body.</summary>
    private async ValueTask<HttpRequestMessage> BuildAsync(HttpContext http, string endpoint)
    {
        // The transformer puts the client's Content-* headers on the Content, which is then dropped with them: a
        // Content-Length without a body would make HttpClient wait for bytes that never come.
        var copy = new HttpRequestMessage(new HttpMethod(http.Request.Method), (Uri?)null)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
            Content = new ByteArrayContent(Array.Empty<byte>()),
        };
        try
        {
            await _target.Transformer.TransformRequestAsync(http, copy, endpoint, CancellationToken.None);

            // As YARP's forwarder does after the transform: a route without path changes leaves the URI to the caller.
            copy.RequestUri ??= RequestUtilities.MakeDestinationAddress(endpoint, http.Request.Path, http.Request.QueryString);
            copy.Content.Dispose();
            copy.Content = null;
            copy.Headers.TransferEncodingChunked = null;
            copy.Headers.ExpectContinue = null;
            return copy;
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    /// <summary>Sends one copy and discards the answer; a failure is a Debug line, never the client's concern.</summary>
    private async Task SendAsync(HttpRequestMessage copy, HttpMessageInvoker client, ILogger logger, string route, string endpoint)
    {
        try
        {
            using var timeout = new CancellationTokenSource(Timeout);
            using var response = await client.SendAsync(copy, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Log.MirrorFailed(logger, route, _target.Pool.Name, endpoint, "abandoned after " + Timeout.TotalSeconds + " s without an answer");
        }
        catch (Exception ex)
        {
            // Nothing awaits this task, so whatever went wrong is said here or nowhere.
            Log.MirrorFailed(logger, route, _target.Pool.Name, endpoint, ex.GetType().Name + ": " + (ex.InnerException ?? ex).Message);
        }
        finally
        {
            copy.Dispose();
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
