namespace Gateway.Policies;

/// <summary>Why a token was rejected, as a class for logs; the client only ever hears <c>invalid_token</c>.</summary>
public enum JwtRejection
{
    /// <summary>Longer than <see cref="JwtPolicy.MaxTokenLength"/>; rejected before it is parsed.</summary>
    TooLarge,

    /// <summary>Not three base64url parts with JSON header and payload, or sent ambiguously (two headers, an empty
    /// bearer credential).</summary>
    Malformed,

    /// <summary>No signature (<c>alg: none</c>, RFC 8725 §2.1).</summary>
    Unsigned,

    /// <summary>The header's <c>alg</c> is not one the route allows (RFC 8725 §3.1).</summary>
    Algorithm,

    /// <summary>The header lists <c>crit</c> extensions, none of which the gateway understands (RFC 7515 §4.1.11).</summary>
    CriticalHeader,

    /// <summary>No <c>kid</c>, and the key set has more than one key to choose from.</summary>
    NoKeyId,

    /// <summary>A <c>kid</c> that the key set does not have, even after a refresh.</summary>
    UnknownKey,

    /// <summary>The signature does not verify with the key.</summary>
    BadSignature,

    /// <summary><c>exp</c> is past, beyond the clock skew.</summary>
    Expired,

    /// <summary><c>nbf</c> is ahead, beyond the clock skew.</summary>
    NotYetValid,

    /// <summary>No <c>exp</c>.</summary>
    NoExpiration,

    /// <summary><c>iss</c> is not the route's issuer.</summary>
    WrongIssuer,

    /// <summary><c>aud</c> names none of the route's audiences.</summary>
    WrongAudience,

    /// <summary>Any other failure of validation.</summary>
    Invalid,
}
