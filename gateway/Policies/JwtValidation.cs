using Gateway.Dsl.Model;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Policies;

/// <summary>A <c>jwt</c> policy's validation parameters for one <see cref="JwtKeys"/> set: one per key group, built
/// when the policy first sees the set, so a request only looks one up.</summary>
internal sealed class JwtValidation
{
    private readonly TokenValidationParameters[] _parameters;

    /// <summary>Builds the parameters of <paramref name="settings"/> for each group of <paramref name="keys"/>.</summary>
    public JwtValidation(JwtSettings settings, JwtKeys keys)
    {
        Keys = keys;
        _parameters = keys.Groups.Select(group => Create(settings, group)).ToArray();
    }

    /// <summary>The key set the parameters were built for.</summary>
    public JwtKeys Keys { get; }

    /// <summary>The parameters for a token with <paramref name="kid"/>, or null when no key fits (see <see cref="JwtKeys.Find"/>).</summary>
    public TokenValidationParameters? For(string? kid) => Keys.Find(kid) is >= 0 and var index ? _parameters[index] : null;

    /// <summary>Parameters that check everything RFC 8725 asks for, against <paramref name="keys"/> only.</summary>
    private static TokenValidationParameters Create(JwtSettings settings, IReadOnlyList<SecurityKey> keys) => new()
    {
        ValidIssuer = settings.Issuer,
        ValidateIssuer = true,
        ValidAudiences = settings.Audiences.ToArray(),
        ValidateAudience = true,
        RequireAudience = true,
        IssuerSigningKeys = keys,

        // IdentityModel tries every key it is given when none has the token's kid; it is given only the group chosen by
        // kid (or the set's only key), which is how a PEM key without a kid serves tokens that carry one.
        TryAllIssuerSigningKeys = true,

        // The policy's list, never the token's header (RFC 8725 §3.1): the checker allows asymmetric algorithms only,
        // so an HS256 token "signed" with a public key's bytes has no algorithm to pass with.
        ValidAlgorithms = settings.Algorithms.ToArray(),
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = settings.ClockSkew,
        SaveSigninToken = false,
    };
}
