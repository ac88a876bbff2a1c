using System.ComponentModel.DataAnnotations;
using Gateway.Resources.Schema;

namespace Gateway.Resources.ApiDefinitions;

/// <summary>JWT authentication: who issues tokens, where their keys are, and which audiences are accepted.</summary>
public sealed record JwtAuth
{
    /// <summary>The expected <c>iss</c> claim.</summary>
    [MaxLength(2048)]
    public required string Issuer { get; init; }

    /// <summary>The JWKS document's address; HTTPS only, because the keys decide who gets in.</summary>
    [MaxLength(2048)]
    [RegularExpression("^https://")]
    public required string JwksUri { get; init; }

    /// <summary>Accepted <c>aud</c> values; empty means the audience is not checked.</summary>
    [MaxLength(16)]
    [ListType("set")]
    [Items(MaxLength = 256)]
    public IReadOnlyList<string>? Audiences { get; init; }
}
