using System;

namespace Gateway.Dsl.Model;

/// <summary>What a <c>retry</c> line retries on, as bits.</summary>
[Flags]
public enum RetryConditions
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>No connection could be made (<c>connect-failure</c>): nothing reached the endpoint.</summary>
    ConnectFailure = 1 << 0,

    /// <summary>The connection broke before a response came (<c>reset</c>).</summary>
    Reset = 1 << 1,

    /// <summary>The endpoint did not answer within the route's time (<c>timeout</c>; YARP's inactivity timeout).</summary>
    Timeout = 1 << 2,

    /// <summary>The endpoint answered 502.</summary>
    Status502 = 1 << 3,

    /// <summary>The endpoint answered 503.</summary>
    Status503 = 1 << 4,

    /// <summary>The endpoint answered 504.</summary>
    Status504 = 1 << 5,

    /// <summary>The conditions of a <c>retry</c> line without <c>on</c>: <c>connect-failure 502 503 504</c>.</summary>
    Default = ConnectFailure | Status502 | Status503 | Status504,

    /// <summary>The status conditions.</summary>
    Statuses = Status502 | Status503 | Status504,
}
