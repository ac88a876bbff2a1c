namespace Gateway.Pipeline;

/// <summary>How one request ended: who answered, with which status, and why.</summary>
/// <param name="Answerer">The gateway or an upstream.</param>
/// <param name="Status">The status code sent (or that would have been sent, when the client left first).</param>
/// <param name="Reason">Why, from a bounded set.</param>
public readonly record struct RequestOutcome(Answerer Answerer, int Status, OutcomeReason Reason)
{
    /// <summary>The outcome of a request that has not ended.</summary>
    public static RequestOutcome Pending => default;
}
