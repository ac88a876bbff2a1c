using System.Collections.Frozen;
using Gateway.Forwarding;
using Microsoft.AspNetCore.Http.Extensions;

namespace Gateway.Policies.ExternalAuth;

/// <summary>Builds the question to the authorization service: <c>GET url</c>, no body, the client's headers and the
/// request's method, URI, host, scheme and address in X-Forwarded-* headers.</summary>
/// <remarks>The shape of nginx's auth_request, Traefik's ForwardAuth and Envoy's HTTP ext_authz: the service sees what
/// the client sent, minus what belongs to one connection or to a body it never receives.</remarks>
public static class ExternalAuthRequest
{
    /// <summary>Client headers never sent: hop-by-hop ones (RFC 9110 §7.6.1, plus Proxy-Connection and
    /// Proxy-Authorization, meant for this proxy), those of the body the service does not get, Host (the service's own
    /// travels in the URL; the client's in X-Forwarded-Host), and the X-Forwarded-* headers the gateway sets itself.</summary>
    public static readonly FrozenSet<string> Excluded = new[]
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
        "Content-Length", "Content-Type", "Content-Encoding", "Content-Language", "Content-Location", "Content-Range",
        "Content-MD5", "Content-Disposition", "Expect", "Host",
        ForwardedHeaderNames.Method, ForwardedHeaderNames.Uri, ForwardedHeaderNames.Host, ForwardedHeaderNames.Proto,
        ForwardedHeaderNames.For,
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The request to send to <paramref name="url"/> about <paramref name="client"/>.</summary>
    /// <param name="url">The service's URL.</param>
    /// <param name="client">The client's request.</param>
    /// <param name="sendHeaders">The client headers to send; empty means all but <see cref="Excluded"/>.</param>
    public static HttpRequestMessage Create(Uri url, HttpRequest client, IReadOnlyList<string> sendHeaders)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(sendHeaders);
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        var headers = client.Headers;
        if (sendHeaders.Count == 0)
        {
            foreach (var (name, values) in headers)
            {
                Copy(request, headers, name, values);
            }
        }
        else
        {
            foreach (var name in sendHeaders)
            {
                if (headers.TryGetValue(name, out var values))
                {
                    Copy(request, headers, name, values);
                }
            }
        }

        var target = request.Headers;
        target.TryAddWithoutValidation(ForwardedHeaderNames.Method, client.Method);
        target.TryAddWithoutValidation(ForwardedHeaderNames.Uri, client.GetEncodedPathAndQuery());
        if (client.Host.HasValue)
        {
            target.TryAddWithoutValidation(ForwardedHeaderNames.Host, client.Host.Value);
        }

        target.TryAddWithoutValidation(ForwardedHeaderNames.Proto, client.Scheme);
        if (RouteTransformer.ForwardedFor(headers[ForwardedHeaderNames.For].ToString(), client.HttpContext.Connection.RemoteIpAddress)
            is { } forwardedFor)
        {
            target.TryAddWithoutValidation(ForwardedHeaderNames.For, forwardedFor);
        }

        return request;
    }

    private static void Copy(HttpRequestMessage request, IHeaderDictionary headers, string name, Microsoft.Extensions.Primitives.StringValues values)
    {
        // Pseudo-headers never reach the collection in Kestrel, but a name starting with ':' is not a header to copy.
        if (name.Length == 0 || name[0] == ':' || Excluded.Contains(name) || NamedByConnection(headers, name))
        {
            return;
        }

        request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
    }

    // Headers a client's Connection header names are hop-by-hop too (RFC 9110 §7.6.1).
    private static bool NamedByConnection(IHeaderDictionary headers, string name)
    {
        foreach (var value in headers.Connection)
        {
            if (value is null)
            {
                continue;
            }

            foreach (var range in value.AsSpan().Split(','))
            {
                if (value.AsSpan()[range].Trim(" \t").Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
