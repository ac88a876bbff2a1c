namespace Gateway.Policies;

/// <summary>A route's built policies: the request chain and the response policies.</summary>
/// <param name="Chain">Run between matching and the action, in the gateway's fixed order.</param>
/// <param name="Response">Run on every response of the route before its headers are sent.</param>
public sealed record RoutePolicySet(PolicyChain Chain, IReadOnlyList<IResponsePolicy> Response)
{
    /// <summary>No policies.</summary>
    public static readonly RoutePolicySet None = new(PolicyChain.Empty, Array.Empty<IResponsePolicy>());

    /// <summary>The route's CORS policy (also in <see cref="Chain"/> and <see cref="Response"/>), or null; the gateway
    /// asks it directly to answer a preflight that matched another route, or none, by its own method.</summary>
    public CorsPolicy? Cors { get; init; }
}
