using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using Gateway.Dsl.Model;

namespace Gateway.Hosting;

/// <summary>Turns <c>host:port</c> text (the route file's <c>listen</c>/<c>admin</c>, or a configuration override) into an IP endpoint.</summary>
public static class ListenEndpoint
{
    /// <summary>Parses <c>0.0.0.0:8080</c>, <c>127.0.0.1:0</c>, <c>[::1]:9901</c>, <c>localhost:8080</c> or <c>*:8080</c>.</summary>
    /// <remarks><c>localhost</c> binds IPv4 loopback only, so one listener is one socket and its bound port is unambiguous;
    /// <c>*</c> binds every IPv4 address. Port 0 asks the OS for a free port (tests).</remarks>
    public static bool TryParse(string? text, [NotNullWhen(true)] out IPEndPoint? endpoint)
    {
        endpoint = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port > IPEndPoint.MaxPort)
        {
            return false;
        }

        var host = text[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        IPAddress? address = host switch
        {
            "*" => IPAddress.Any,
            _ when host.Equals("localhost", StringComparison.OrdinalIgnoreCase) => IPAddress.Loopback,
            _ => IPAddress.TryParse(host, out var parsed) ? parsed : null,
        };

        if (address is null)
        {
            return false;
        }

        endpoint = new IPEndPoint(address, port);
        return true;
    }

    /// <summary>The route file's address as text, or <paramref name="fallback"/> when the file has none.</summary>
    public static string TextOf(ListenAddress? address, string fallback) => address?.ToString() ?? fallback;
}
