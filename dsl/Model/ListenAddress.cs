namespace Gateway.Dsl.Model;

/// <summary>An address a listener binds: <c>listen 0.0.0.0:8080</c>.</summary>
public sealed record ListenAddress
{
    /// <summary>The host as written: an IPv4 address, <c>[IPv6]</c>, <c>localhost</c> or <c>*</c> (see <c>Semantics/ListenAddressParser</c>).</summary>
    public required string Host { get; init; }

    /// <summary>The TCP port (1 to 65535).</summary>
    public required int Port { get; init; }

    /// <summary>The 1-based line of the directive.</summary>
    public required int Line { get; init; }

    /// <summary>The address as written: <c>host:port</c>.</summary>
    public override string ToString() => Host + ":" + Port;
}
