using System.Net.Http.Headers;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Gateway.Forwarding;

/// <summary>Removes the headers a message's <c>Connection</c> header names: they are hop-by-hop (RFC 9110 §7.6.1).</summary>
/// <remarks>
/// <para>YARP drops the fixed hop-by-hop set (Connection, Keep-Alive, Upgrade, TE, Transfer-Encoding, …) but copies
/// headers that a <c>Connection</c> header merely names, so the gateway removes those itself, from every line of the
/// header, case-insensitively. On the request side the lines are the client's own, which
/// <c>Hosting.ConnectionHeaderCapture</c> restores where Kestrel rewrote them.</para>
/// <para>Two kinds of token are left alone. <c>close</c>, <c>keep-alive</c> and <c>upgrade</c> are connection options
/// that Kestrel, YARP and HttpClient each handle for their own hop (YARP builds the WebSocket upgrade itself), as
/// Envoy's <c>sanitizeConnectionHeader</c> also skips them. <c>Content-Length</c> and <c>Transfer-Encoding</c> frame the
/// message: the gateway forwards the body byte for byte and HttpClient frames the next hop itself (Transfer-Encoding
/// never crosses; YARP drops it), so removing a named Content-Length would only make HttpClient re-frame a request body as
/// chunked, which some upstreams refuse (411) and which lets a client change how the upstream sees the body, or
/// strip the length of a response to HEAD. nginx never removes a header for being named in Connection at all and frames
/// every forwarded message itself; keeping the framing headers is the part of that the gateway follows.</para>
/// </remarks>
public static class ConnectionHeaders
{
    /// <summary>Removes from <paramref name="request"/>'s headers and content headers each header named in <paramref name="connection"/>.</summary>
    /// <remarks>A name is removed from whichever collection holds it: HttpClient keeps content headers (Content-Type,
    /// Content-Language, …) apart from request headers, and each collection throws when asked to remove a name that
    /// belongs to the other (and a name that is not a token), so each is asked only whether it holds the name.</remarks>
    public static void RemoveNamed(StringValues connection, HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var name in Names(connection))
        {
            Remove(request.Headers, name);
            if (request.Content is { } content)
            {
                Remove(content.Headers, name);
            }
        }
    }

    /// <summary>Removes from <paramref name="headers"/> (the client's response headers, content headers included) each
    /// header named in the upstream response's <paramref name="connection"/> lines.</summary>
    public static void RemoveNamed(IEnumerable<string> connection, IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(headers);
        foreach (var line in connection)
        {
            foreach (var name in Names(line))
            {
                headers.Remove(name);
            }
        }
    }

    /// <summary>Removes from the client's request <paramref name="headers"/> each header its <c>Connection</c> names, and
    /// leaves only the connection options in <c>Connection</c>.</summary>
    /// <remarks>Runs before the route's policies: a client must not be able to strip a header the gateway itself sets
    /// (<c>forward</c>, <c>request-header set</c>, ext-auth's forwarded headers) by naming it in <c>Connection</c>,
    /// which the forwarder's removal would do if it came after them.</remarks>
    public static void StripNamed(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var connection = headers.Connection;
        if (connection.Count == 0)
        {
            return;
        }

        var named = Names(connection).ToList();
        if (named.Count == 0)
        {
            return;
        }

        foreach (var name in named)
        {
            headers.Remove(name);
        }

        var options = connection.SelectMany(line => (line ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(IsKept).ToArray();
        if (options.Length == 0)
        {
            headers.Remove(HeaderNames.Connection);
        }
        else
        {
            headers.Connection = string.Join(", ", options);
        }
    }

    /// <summary>The header names in <paramref name="connection"/>'s lines, trimmed, without connection options and framing headers.</summary>
    public static IEnumerable<string> Names(StringValues connection)
    {
        foreach (var line in connection)
        {
            foreach (var name in Names(line))
            {
                yield return name;
            }
        }
    }

    // One line's names: a comma-separated list, with optional whitespace and empty elements (RFC 9110 §5.6.1).
    private static IEnumerable<string> Names(string? line)
    {
        if (line is null)
        {
            yield break;
        }

        foreach (var element in line.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!IsKept(element))
            {
                yield return element;
            }
        }
    }

    private static bool IsKept(string token) =>
        token.Equals("close", StringComparison.OrdinalIgnoreCase)
        || token.Equals("keep-alive", StringComparison.OrdinalIgnoreCase)
        || token.Equals(HeaderNames.Upgrade, StringComparison.OrdinalIgnoreCase)
        || token.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase)
        || token.Equals(HeaderNames.TransferEncoding, StringComparison.OrdinalIgnoreCase);

    private static void Remove(HttpHeaders headers, string name)
    {
        // NonValidated.Contains answers false, without throwing, for a name that is not a token or that belongs to the
        // other collection; Remove is then safe.
        if (headers.NonValidated.Contains(name))
        {
            headers.Remove(name);
        }
    }
}
