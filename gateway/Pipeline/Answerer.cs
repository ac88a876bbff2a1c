namespace Gateway.Pipeline;

/// <summary>Who produced a request's response.</summary>
public enum Answerer
{
    /// <summary>Nobody yet, or nobody at all (the client went away first).</summary>
    None,

    /// <summary>The gateway itself: a respond or redirect route, a policy, or an error of its own.</summary>
    Gateway,

    /// <summary>An upstream endpoint, through the forwarder.</summary>
    Upstream,
}
