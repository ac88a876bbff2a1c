namespace Gateway.Dsl.Model;

/// <summary>The parts of a request a rate limit can count by.</summary>
public enum RateLimitKeyKind
{
    /// <summary>The route as a whole.</summary>
    Route,

    /// <summary>The client's IP address, as the connection gives it.</summary>
    ClientIp,

    /// <summary>The value of a named request header.</summary>
    Header,

    /// <summary>The value of a claim of the validated JWT.</summary>
    Claim,

    /// <summary>The consumer of the request's API key.</summary>
    Consumer,
}
