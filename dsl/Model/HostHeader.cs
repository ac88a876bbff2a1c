namespace Gateway.Dsl.Model;

/// <summary><c>host-header client|endpoint|NAME</c>: the <c>Host</c> header the upstream sees.</summary>
public sealed record HostHeader
{
    /// <summary>The default: the client's <c>Host</c>, as Envoy, Traefik and the Kubernetes Gateway API pass it.</summary>
    public static readonly HostHeader Client = new() { Kind = HostHeaderKind.Client };

    /// <summary>Whose host is sent.</summary>
    public required HostHeaderKind Kind { get; init; }

    /// <summary>The fixed host for <see cref="HostHeaderKind.Fixed"/>; otherwise null.</summary>
    public string? Value { get; init; }

    /// <summary>The setting as a route file writes it.</summary>
    public override string ToString() => Kind switch
    {
        HostHeaderKind.Endpoint => "endpoint",
        HostHeaderKind.Fixed => Value ?? string.Empty,
        _ => "client",
    };
}
