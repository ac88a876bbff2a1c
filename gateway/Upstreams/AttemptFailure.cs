namespace Gateway.Upstreams;

/// <summary>How one attempt to reach an endpoint failed at the transport level, or <see cref="None"/> when the
/// endpoint answered (whatever its status).</summary>
public enum AttemptFailure
{
    /// <summary>The endpoint answered with a status line.</summary>
    None,

    /// <summary>No connection could be made: refused, unreachable, name not resolved, or the connect timeout elapsed.
    /// Nothing reached the endpoint, so any request may be sent again.</summary>
    ConnectFailure,

    /// <summary>The connection was made but broke (reset, closed) before a usable response came back.</summary>
    Reset,

    /// <summary>The endpoint took longer than the route's timeout to answer.</summary>
    Timeout,

    /// <summary>The client went away or broke its side of the exchange; nobody's fault upstream.</summary>
    ClientAborted,

    /// <summary>The exchange failed after the response had started, or in a way the kinds above do not name.</summary>
    Other,
}
