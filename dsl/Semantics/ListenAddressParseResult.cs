using System.Net;

namespace Gateway.Dsl.Semantics;

/// <summary>A listener address read by <see cref="ListenAddressParser"/>: its host and port, or the problem.</summary>
public sealed record ListenAddressParseResult
{
    /// <summary>The host as written (brackets included for IPv6), or null when <see cref="Problem"/> is set.</summary>
    public string? Host { get; init; }

    /// <summary>The address to bind, or null when <see cref="Problem"/> is set.</summary>
    public IPAddress? Address { get; init; }

    /// <summary>The port; 0 when <see cref="Problem"/> is set, or when port 0 was allowed and given.</summary>
    public int Port { get; init; }

    /// <summary>What is wrong, or null when the address is usable.</summary>
    public ListenAddressProblem? Problem { get; init; }
}
