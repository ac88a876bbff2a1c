using System.Security.Cryptography;
using System.Text;
using Gateway.Dsl.Model;

namespace Gateway.Infra.Objects;

/// <summary>The checked <c>routes.gw</c> the objects are built from: its text (for the ConfigMap) and its model (for the ports).</summary>
public sealed record GatewayRouteFile
{
    /// <summary>The public port when the file has no <c>listen</c>; the gateway's own default (GatewayOptions.DefaultListen).</summary>
    public const int DefaultListenPort = 8080;

    /// <summary>The admin port when the file has no <c>admin</c>; the gateway's own default (GatewayOptions.DefaultAdmin).</summary>
    public const int DefaultAdminPort = 9901;

    /// <summary>The file's text, byte for byte what the ConfigMap carries.</summary>
    public required string Text { get; init; }

    /// <summary>The checked table; only a file without errors gets this far.</summary>
    public required RouteTable Table { get; init; }

    /// <summary>The public listener's port.</summary>
    public int ListenPort => Table.Listen?.Port ?? DefaultListenPort;

    /// <summary>The admin listener's port (probes, metrics).</summary>
    public int AdminPort => Table.Admin?.Port ?? DefaultAdminPort;

    /// <summary>The SHA-256 of <see cref="Text"/> in lower-case hex; on the pod template, so that a route change rolls the pods.</summary>
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text)));
}
