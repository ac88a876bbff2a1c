using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Forwarding;

/// <summary>The one outbound HTTP client every forwarded request goes through, so connections to upstreams are pooled.</summary>
/// <remarks>
/// Settings follow YARP's direct-forwarding sample (samples/ReverseProxy.Direct.Sample/Program.cs): a proxy must pass
/// requests and responses through untouched, so no proxy, redirects, decompression or cookies of its own.
/// <para>Connecting is bounded here rather than by <see cref="SocketsHttpHandler.ConnectTimeout"/>, for two reasons: an
/// upstream's <c>connect-timeout</c> travels with the request that opens the connection (<see cref="ConnectTimeoutOption"/>,
/// set by <see cref="RouteTransformer"/>), and a connect that times out fails as a connect failure (502, retried
/// elsewhere), where the handler's own timeout surfaces as a cancellation that YARP reports as a 504.</para>
/// </remarks>
public sealed class ForwarderClient : IDisposable
{
    /// <summary>The request option that carries an upstream's <c>connect-timeout</c> to the connect it may cause.</summary>
    public static readonly HttpRequestOptionsKey<TimeSpan> ConnectTimeoutOption = new("Gateway.ConnectTimeout");

    // The bound of a connection still being set up (TLS included), from ConnectAsync to Connected.
    private static readonly HttpRequestOptionsKey<CancellationTokenSource> ConnectingOption = new("Gateway.Connecting");

    private readonly TimeSpan _connectTimeout;

    /// <summary>Creates the client; <paramref name="connectTimeout"/> bounds each new upstream connection unless its
    /// upstream says otherwise.</summary>
    public ForwarderClient(TimeSpan connectTimeout)
    {
        _connectTimeout = connectTimeout;
        Invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,

            // Continues the incoming trace (traceparent) instead of starting a new one per hop.
            ActivityHeadersPropagator = new ReverseProxyPropagator(DistributedContextPropagator.Current),
            ConnectTimeout = Timeout.InfiniteTimeSpan,
            ConnectCallback = ConnectAsync,
            PlaintextStreamFilter = Connected,
        }, disposeHandler: true);
    }

    /// <summary>The invoker passed to <see cref="IHttpForwarder.SendAsync(HttpContext, string, HttpMessageInvoker, ForwarderRequestConfig, HttpTransformer)"/>.</summary>
    public HttpMessageInvoker Invoker { get; }

    /// <summary>The bound on connecting for <paramref name="request"/>: its upstream's, or the gateway's default.</summary>
    public TimeSpan ConnectTimeoutFor(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Options.TryGetValue(ConnectTimeoutOption, out var own) ? own : _connectTimeout;
    }

    /// <inheritdoc/>
    public void Dispose() => Invoker.Dispose();

    /// <summary>Opens a TCP connection as the handler's default does (dual-mode socket, no Nagle), within the bound of
    /// the request that asked for it; the bound stays on the socket until <see cref="Connected"/>, so it covers a TLS
    /// handshake too, as <see cref="SocketsHttpHandler.ConnectTimeout"/> would.</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var request = context.InitialRequestMessage;
        var timeout = ConnectTimeoutFor(request);
        var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, bound.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            bound.Dispose();

            // Not a cancellation: the handler wraps any other exception in HttpRequestException(ConnectionError), which
            // YARP reports as ForwarderError.Request and AttemptClassifier as a connect failure.
            throw new TimeoutException($"Connecting took longer than the connect timeout of {timeout.TotalMilliseconds} ms.");
        }
        catch
        {
            socket.Dispose();
            bound.Dispose();
            throw;
        }

        bound.Token.UnsafeRegister(static state => ((Socket)state!).Dispose(), socket);
        request.Options.Set(ConnectingOption, bound);
        return new NetworkStream(socket, ownsSocket: true);
    }

    /// <summary>Runs once the connection is ready (after TLS, if any): ends its connect bound.</summary>
    private static ValueTask<Stream> Connected(SocketsHttpPlaintextStreamFilterContext context, CancellationToken cancellationToken)
    {
        var options = context.InitialRequestMessage.Options;
        if (options.TryGetValue(ConnectingOption, out var bound))
        {
            ((IDictionary<string, object?>)options).Remove(ConnectingOption.Key);
            bound.Dispose();
        }

        return ValueTask.FromResult(context.PlaintextStream);
    }
}
