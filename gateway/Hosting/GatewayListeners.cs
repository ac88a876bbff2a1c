using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Gateway.Hosting;

/// <summary>The public and admin listeners Kestrel bound, and which one a connection came in on.</summary>
/// <remarks>Kestrel writes the bound endpoint back into the <see cref="ListenOptions"/> when it binds, so with port 0
/// (tests) the real ports are known here once the server has started.</remarks>
public sealed class GatewayListeners
{
    private ListenOptions? _public;
    private ListenOptions? _admin;

    /// <summary>The public listener's bound endpoint (its configured one before the server starts).</summary>
    public IPEndPoint PublicEndPoint => (IPEndPoint)(_public ?? throw NotConfigured()).EndPoint;

    /// <summary>The admin listener's bound endpoint (its configured one before the server starts).</summary>
    public IPEndPoint AdminEndPoint => (IPEndPoint)(_admin ?? throw NotConfigured()).EndPoint;

    /// <summary>The public listener as an <c>http://</c> base URI, e.g. for tests.</summary>
    public Uri PublicUri => ToUri(PublicEndPoint);

    /// <summary>The admin listener as an <c>http://</c> base URI.</summary>
    public Uri AdminUri => ToUri(AdminEndPoint);

    /// <summary>Whether the request arrived on the admin listener.</summary>
    /// <remarks>Compares the local port only: the two listeners must use different ports, which startup enforces.</remarks>
    public bool IsAdmin(HttpContext context) => _admin is not null && context.Connection.LocalPort == AdminEndPoint.Port;

    /// <summary>Binds both listeners; called from Kestrel's configuration callback.</summary>
    internal void Bind(KestrelServerOptions kestrel, IPEndPoint publicEndPoint, IPEndPoint adminEndPoint)
    {
        // HTTP/1.1 and HTTP/2 cleartext with prior knowledge on one port. Kestrel alone would answer the HTTP/2 preface
        // with HTTP_1_1_REQUIRED, so the public endpoint speaks HTTP/1.1 itself (declaring Http1AndHttp2 without TLS only
        // earns a startup warning) and hands HTTP/2 connections to the handler of an internal HTTP/2-only endpoint.
        var h2c = new H2cPriorKnowledge(kestrel.Limits.KeepAliveTimeout);
        kestrel.Listen(IPAddress.Loopback, 0, options =>
        {
            options.Protocols = HttpProtocols.Http2;
            options.Use(h2c.CaptureHttp2);
        });
        kestrel.Listen(publicEndPoint, options =>
        {
            options.Protocols = HttpProtocols.Http1;
            options.Use(h2c.DetectPreface);
            _public = options;
        });
        // Probes and operators speak HTTP/1.1.
        kestrel.Listen(adminEndPoint, options =>
        {
            options.Protocols = HttpProtocols.Http1;
            _admin = options;
        });
    }

    private static Uri ToUri(IPEndPoint endpoint) => new($"http://{endpoint}/");

    private static InvalidOperationException NotConfigured() => new("The listeners are bound when the server starts.");
}
