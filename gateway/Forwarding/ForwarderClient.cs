using System.Diagnostics;
using System.Net;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Forwarding;

/// <summary>The one outbound HTTP client every forwarded request goes through, so connections to upstreams are pooled.</summary>
/// <remarks>Settings follow YARP's direct-forwarding sample (samples/ReverseProxy.Direct.Sample/Program.cs): a proxy must
/// pass requests and responses through untouched, so no proxy, redirects, decompression or cookies of its own.</remarks>
public sealed class ForwarderClient : IDisposable
{
    /// <summary>Creates the client; <paramref name="connectTimeout"/> bounds each new upstream connection.</summary>
    public ForwarderClient(TimeSpan connectTimeout)
    {
        Invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,

            // Continues the incoming trace (traceparent) instead of starting a new one per hop.
            ActivityHeadersPropagator = new ReverseProxyPropagator(DistributedContextPropagator.Current),
            ConnectTimeout = connectTimeout,
        }, disposeHandler: true);
    }

    /// <summary>The invoker passed to <see cref="IHttpForwarder.SendAsync(HttpContext, string, HttpMessageInvoker, ForwarderRequestConfig, HttpTransformer)"/>.</summary>
    public HttpMessageInvoker Invoker { get; }

    /// <inheritdoc/>
    public void Dispose() => Invoker.Dispose();
}
