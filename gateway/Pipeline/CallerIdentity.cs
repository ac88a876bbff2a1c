using System.Security.Claims;

namespace Gateway.Pipeline;

/// <summary>Who the caller is, as an authentication policy established it: the validated token's claims, or the
/// API-key consumer's name.</summary>
public sealed class CallerIdentity
{
    /// <summary>Creates an identity; one of the two is usually null.</summary>
    public CallerIdentity(ClaimsIdentity? claims, string? consumer)
    {
        Claims = claims;
        Consumer = consumer;
    }

    /// <summary>The claims of a validated JWT, or null.</summary>
    public ClaimsIdentity? Claims { get; }

    /// <summary>The consumer an API key belongs to, or null.</summary>
    public string? Consumer { get; }

    /// <summary>The first value of claim <paramref name="type"/>, or null.</summary>
    public string? FindClaim(string type) => Claims?.FindFirst(type)?.Value;
}
