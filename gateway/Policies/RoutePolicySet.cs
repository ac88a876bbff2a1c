namespace Gateway.Policies;

/// <summary>A route's built policies: the request chain and the response policies.</summary>
/// <param name="Chain">Run between matching and the action, in the gateway's fixed order.</param>
/// <param name="Response">Run on every response of the route before its headers are sent.</param>
public sealed record RoutePolicySet(PolicyChain Chain, IReadOnlyList<IResponsePolicy> Response)
{
    /// <summary>No policies.</summary>
    public static readonly RoutePolicySet None = new(PolicyChain.Empty, Array.Empty<IResponsePolicy>());
}
