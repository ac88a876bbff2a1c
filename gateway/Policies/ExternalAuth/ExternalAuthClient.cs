using System.Diagnostics;
using System.Net;

namespace Gateway.Policies.ExternalAuth;

/// <summary>The outbound HTTP client of every <c>ext-auth</c> policy: pooled connections, separate from the forwarding
/// client, so authorization calls and upstream traffic never compete for one pool.</summary>
/// <remarks>No proxy, no redirects (a 3xx is the service's answer, passed to the client), no cookies of its own, no
/// decompression. No timeout either: each call carries the route's <c>timeout</c> as a cancellation.</remarks>
public sealed class ExternalAuthClient : IDisposable
{
    /// <summary>Creates the client.</summary>
    public ExternalAuthClient()
    {
        Invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,

            // The call belongs to the client's request, so it continues that request's trace.
            ActivityHeadersPropagator = DistributedContextPropagator.Current,
        }, disposeHandler: true);
    }

    /// <summary>The invoker the policies send with.</summary>
    public HttpMessageInvoker Invoker { get; }

    /// <inheritdoc/>
    public void Dispose() => Invoker.Dispose();
}
