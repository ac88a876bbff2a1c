using System.Net;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Forwarding;

/// <summary>The request and response changes the gateway makes when forwarding: X-Forwarded-* in, hop-by-hop headers out.</summary>
/// <remarks>
/// The path and query are forwarded unchanged: YARP appends them to the endpoint's base URI (the destination prefix)
/// when the transformer leaves <c>RequestUri</c> unset. The Host header becomes the endpoint's, as in YARP's default
/// transformer; the client's Host travels in X-Forwarded-Host. A subclass of YARP's <see cref="HttpTransformer"/>,
/// which is designed for inheritance.
/// </remarks>
public sealed class RouteTransformer : HttpTransformer
{
    /// <summary>The shared instance; it holds no state.</summary>
    public static readonly RouteTransformer Instance = new();

    private RouteTransformer()
    {
    }

    /// <inheritdoc/>
    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix,
        CancellationToken cancellationToken)
    {
        // Copies every header except the fixed hop-by-hop set.
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);

        var request = httpContext.Request;
        ConnectionHeaders.RemoveNamed(request.Headers.Connection, proxyRequest);
        proxyRequest.Headers.Host = null;

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
        // Copies every header except the fixed hop-by-hop set, content headers included.
        var proceed = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);

        // The lines as received: the parsed Connection collection would leave out values HttpClient cannot parse.
        if (proxyResponse is not null && proxyResponse.Headers.NonValidated.TryGetValues(HeaderNames.Connection, out var connection))
        {
            ConnectionHeaders.RemoveNamed(connection, httpContext.Response.Headers);
        }

        return proceed;
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
