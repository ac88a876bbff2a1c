namespace Gateway.Policies;

/// <summary>What a policy decided: let the request go on, or it has answered the request itself.</summary>
/// <remarks>Expected outcomes (a missing token, a refused origin) are values, never exceptions.</remarks>
public readonly record struct PolicyResult(bool HasAnswered)
{
    /// <summary>Go on to the next policy, and then the route's action.</summary>
    public static PolicyResult Continue => default;

    /// <summary>The policy has written the response and recorded the outcome; nothing else runs.</summary>
    public static PolicyResult Answered => new(true);
}
