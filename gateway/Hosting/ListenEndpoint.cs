using System.Diagnostics.CodeAnalysis;
using System.Net;
using Gateway.Dsl.Model;
using Gateway.Dsl.Semantics;

namespace Gateway.Hosting;

/// <summary>Turns <c>host:port</c> text (the route file's <c>listen</c>/<c>admin</c>, or a configuration override) into an IP endpoint.</summary>
/// <remarks>The rule and its messages are the route language's (<see cref="ListenAddressParser"/>), so an override gets
/// exactly what the build says about the same text; only port 0 is allowed here and not in the route file.</remarks>
public static class ListenEndpoint
{
    /// <summary>Parses <c>0.0.0.0:8080</c>, <c>127.0.0.1:0</c>, <c>[::1]:9901</c>, <c>localhost:8080</c> or <c>*:8080</c>.</summary>
    /// <remarks><c>localhost</c> binds IPv4 loopback only, so one listener is one socket and its bound port is unambiguous;
    /// <c>*</c> binds every IPv4 address. Other host names are rejected, as in the route file. Port 0 asks the OS for a
    /// free port (tests).</remarks>
    public static bool TryParse(string? text, [NotNullWhen(true)] out IPEndPoint? endpoint) => TryParse(text, out endpoint, out _);

    /// <summary>Parses like <see cref="TryParse(string?, out IPEndPoint?)"/>; on failure <paramref name="error"/> says what
    /// is wrong and what to write instead.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out IPEndPoint? endpoint, [NotNullWhen(false)] out string? error)
    {
        var result = ListenAddressParser.Parse(text ?? string.Empty, allowPortZero: true);
        if (result.Problem is { } problem)
        {
            endpoint = null;
            error = problem.Message;
            return false;
        }

        endpoint = new IPEndPoint(result.Address!, result.Port);
        error = null;
        return true;
    }

    /// <summary>The route file's address as text, or <paramref name="fallback"/> when the file has none.</summary>
    public static string TextOf(ListenAddress? address, string fallback) => address?.ToString() ?? fallback;
}
