using System.Net;
using Gateway.Dsl.Model;
using Gateway.Pipeline;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Forwarding;

/// <summary>One route's changes to forwarded requests and responses: the upstream path (<c>rewrite</c>,
/// <c>strip-prefix</c>, <c>add-prefix</c>), the <c>Host</c> header, X-Forwarded-* in, hop-by-hop headers out, the
/// route's response policies, and the upstream's <c>connect-timeout</c> for the client.</summary>
/// <remarks>
/// Built once per route per table snapshot. Without a path change the path and query are forwarded unchanged: YARP
/// appends them to the endpoint's base URI when <c>RequestUri</c> is left unset. The upstream sees the client's
/// <c>Host</c> unless the route or its upstream says <c>host-header endpoint</c> or a fixed name (the client's also
/// travels in X-Forwarded-Host). A subclass of YARP's <see cref="HttpTransformer"/>, which is designed for inheritance.
/// </remarks>
public sealed class RouteTransformer : HttpTransformer
{
    /// <summary>The transformer of a route that keeps the defaults: client host, path unchanged, no response policies.</summary>
    public static readonly RouteTransformer Unchanged = new(HostHeader.Client, path: null);

    private readonly HostHeader _host;
    private readonly PathRewrite? _path;
    private readonly TimeSpan? _connectTimeout;

    /// <summary>Creates the transformer of a route.</summary>
    /// <param name="host">Whose <c>Host</c> the upstream sees.</param>
    /// <param name="path">How the upstream path is made, or null to forward it unchanged.</param>
    /// <param name="connectTimeout">The upstream's <c>connect-timeout</c>, or null for the gateway's default.</param>
    public RouteTransformer(HostHeader host, PathRewrite? path, TimeSpan? connectTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        _host = host;
        _path = path;
        _connectTimeout = connectTimeout;
    }

    /// <summary>Whether the transformer changes nothing beyond the defaults.</summary>
    public static bool KeepsDefaults(HostHeader host, PathRewrite? path, TimeSpan? connectTimeout) =>
        host == HostHeader.Client && path is null && connectTimeout is null;

    /// <inheritdoc/>
    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix,
        CancellationToken cancellationToken)
    {
        // Copies every header except the fixed hop-by-hop set.
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);

        var request = httpContext.Request;
        ConnectionHeaders.RemoveNamed(request.Headers.Connection, proxyRequest);

        // Read by ForwarderClient if this request opens a new connection; a pooled one is already connected.
        if (_connectTimeout is { } connectTimeout)
        {
            proxyRequest.Options.Set(ForwarderClient.ConnectTimeoutOption, connectTimeout);
        }

        // HttpClient sends the request URI's authority when Host is unset, which is the endpoint's.
        proxyRequest.Headers.Host = _host.Kind switch
        {
            HostHeaderKind.Client => request.Host.HasValue ? request.Host.Value : null,
            HostHeaderKind.Fixed => _host.Value,
            _ => null,
        };

        if (_path is not null)
        {
            var path = UpstreamPath(httpContext, _path);
            proxyRequest.RequestUri = RequestUtilities.MakeDestinationAddress(destinationPrefix, path, request.QueryString);
        }

        // X-Forwarded-For grows by one address per proxy; Proto and Host describe the first hop, which is this one
        // unless a trusted proxy in front says otherwise (not supported yet).
        var forwardedFor = ForwardedFor(request.Headers[ForwardedHeaderNames.For].ToString(), httpContext.Connection.RemoteIpAddress);
        SetHeader(proxyRequest, ForwardedHeaderNames.For, forwardedFor);
        SetHeader(proxyRequest, ForwardedHeaderNames.Proto, request.Scheme);
        SetHeader(proxyRequest, ForwardedHeaderNames.Host, request.Host.Value);
    }

    /// <inheritdoc/>
    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse,
        CancellationToken cancellationToken)
    {
        // One feature lookup for both uses below.
        var request = proxyResponse is null ? null : httpContext.Features.Get<RequestContext>();

        // A status the route retries on, while a retry is left: nothing of this answer is copied (false tells YARP to
        // drop its body), so the next attempt's answer is the only one the client sees.
        if (request is { HoldStatuses: not Dsl.Model.RetryConditions.None }
            && (request.HoldStatuses & Retries.StatusCondition((int)proxyResponse!.StatusCode)) != Dsl.Model.RetryConditions.None)
        {
            request.StatusHeld = true;
            return false;
        }

        // Copies every header except the fixed hop-by-hop set, content headers included.
        var proceed = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);

        // The lines as received: the parsed Connection collection would leave out values HttpClient cannot parse.
        if (proxyResponse is not null && proxyResponse.Headers.NonValidated.TryGetValues(HeaderNames.Connection, out var connection))
        {
            ConnectionHeaders.RemoveNamed(connection, httpContext.Response.Headers);
        }

        // The route's header edits and CORS headers apply to the upstream's answer as to the gateway's own.
        if (request is { Route: { } route })
        {
            route.ApplyResponsePolicies(request);
        }

        return proceed;
    }

    /// <summary>The upstream path for a request: the rewrite template filled with captures, or the request path with
    /// its prefix stripped and/or another put in front.</summary>
    /// <remarks>A path that does not start with the strip prefix (segment-wise: <c>/api</c> strips <c>/api/x</c> and
    /// <c>/api</c>, not <c>/apix</c>) is forwarded as it is. Captures are the decoded path's text; YARP escapes the
    /// result when it builds the URI, '%' included. Kestrel leaves <c>%2F</c> encoded in the decoded path, so an encoded
    /// slash reaches the upstream as <c>%252F</c>, with or without a path change: the decoded path cannot tell it from a
    /// client's <c>%252F</c>, and escaping never makes a new segment (https://github.com/dotnet/yarp/issues/1419).</remarks>
    public static PathString UpstreamPath(HttpContext httpContext, PathRewrite rewrite)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(rewrite);
        var path = httpContext.Request.Path.Value ?? "/";
        if (rewrite.IsTemplate)
        {
            var context = httpContext.Features.Get<RequestContext>()
                ?? throw new InvalidOperationException("A rewrite needs the request's captures; the gateway sets RequestContext before forwarding.");
            return new PathString(context.Expand(rewrite.Template));
        }

        if (rewrite.StripPrefix is { } strip && strip != "/" && path.StartsWith(strip, StringComparison.Ordinal)
            && (path.Length == strip.Length || path[strip.Length] == '/'))
        {
            path = path.Length == strip.Length ? "/" : path[strip.Length..];
        }

        if (rewrite.AddPrefix is { } add && add != "/")
        {
            path = path == "/" ? add : add + path;
        }

        return new PathString(path);
    }

    /// <summary>Appends the client's address to an incoming X-Forwarded-For value.</summary>
    public static string? ForwardedFor(string? existing, IPAddress? client)
    {
        if (client is null)
        {
            return string.IsNullOrEmpty(existing) ? null : existing;
        }

        var address = (client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client).ToString();
        return string.IsNullOrEmpty(existing) ? address : existing + ", " + address;
    }

    private static void SetHeader(HttpRequestMessage request, string name, string? value)
    {
        request.Headers.Remove(name);
        if (!string.IsNullOrEmpty(value))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
