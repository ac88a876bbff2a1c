using System;
using Gateway.Dsl.Collections;

namespace Gateway.Dsl.Model;

/// <summary>The checked <c>jwt { … }</c> block: who issues tokens, for whom, with which keys and algorithms.</summary>
public sealed record JwtSettings
{
    /// <summary>The accepted <c>iss</c> value.</summary>
    public required string Issuer { get; init; }

    /// <summary>The accepted <c>aud</c> values; a token must name at least one.</summary>
    public required EquatableArray<string> Audiences { get; init; }

    /// <summary>The JWKS URL keys are fetched from, or null when <see cref="KeyFile"/> is set.</summary>
    public string? JwksUrl { get; init; }

    /// <summary>A local file holding a JWKS document or a PEM public key, or null when <see cref="JwksUrl"/> is set.</summary>
    public string? KeyFile { get; init; }

    /// <summary>The allowed <c>alg</c> values, e.g. <c>RS256</c>; never <c>none</c> and never a symmetric algorithm.</summary>
    public required EquatableArray<string> Algorithms { get; init; }

    /// <summary>The leeway for <c>exp</c> and <c>nbf</c>.</summary>
    public required TimeSpan ClockSkew { get; init; }

    /// <summary>Where the token is read from.</summary>
    public required TokenSource Token { get; init; }

    /// <summary>How long a fetched key set is used before it is fetched again.</summary>
    public required TimeSpan JwksRefresh { get; init; }

    /// <summary>The shortest time between two fetches, also when a token names an unknown <c>kid</c>.</summary>
    public required TimeSpan JwksMinRefresh { get; init; }

    /// <summary>The 1-based line of the <c>jwt</c> directive, for logs.</summary>
    public required int Line { get; init; }
}
