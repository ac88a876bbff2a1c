namespace Gateway.Dsl.Model;

/// <summary>An address a listener binds: <c>listen 0.0.0.0:8080</c>.</summary>
public sealed record ListenAddress
{
    /// <summary>The IP address or host name to bind, e.g. <c>0.0.0.0</c>, <c>127.0.0.1</c>, <c>[::1]</c>, <c>localhost</c>.</summary>
    public required string Host { get; init; }

    /// <summary>The TCP port (1 to 65535).</summary>
    public required int Port { get; init; }

    /// <summary>The 1-based line of the directive.</summary>
    public required int Line { get; init; }

    /// <summary>The address as written: <c>host:port</c>.</summary>
    public override string ToString() => Host + ":" + Port;
}
