namespace Gateway.Dsl.Model;

/// <summary><c>forward claim NAME as HEADER</c> or <c>forward consumer as HEADER</c>: identity passed to the upstream.</summary>
/// <remarks>The gateway removes any copy of <see cref="Header"/> the client sent before setting it, so an upstream can
/// trust it.</remarks>
public sealed record IdentityHeader
{
    /// <summary>The claim whose value is sent, or null for the API-key consumer's name.</summary>
    public string? Claim { get; init; }

    /// <summary>The upstream request header that carries it.</summary>
    public required string Header { get; init; }
}
