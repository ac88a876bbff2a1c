using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Policies;

/// <summary>The checks that need no key, and the classes of failures the validator reports.</summary>
public sealed partial class JwtPolicy
{
    /// <summary>Size, shape and header: the reason to reject <paramref name="token"/>, or null with the parsed token.</summary>
    internal JwtRejection? Inspect(string token, out JsonWebToken? jwt)
    {
        jwt = null;
        if (token.Length > MaxTokenLength)
        {
            return JwtRejection.TooLarge;
        }

        // A cheap look first, so that most garbage costs no exception: JWS compact form only (RFC 7515 §7.1), which
        // also turns encrypted tokens (five parts) away before any decryption, and with it the JWE "zip" bomb.
        if (!IsCompactJws(token))
        {
            return JwtRejection.Malformed;
        }

        try
        {
            jwt = new JsonWebToken(token);
        }
        catch (ArgumentException)
        {
            // Base64url that is no JSON, or a header or payload that is no object.
            return JwtRejection.Malformed;
        }

        if (jwt.EncodedSignature.Length == 0)
        {
            return JwtRejection.Unsigned;
        }

        if (!_algorithms.Contains(jwt.Alg))
        {
            return JwtRejection.Algorithm;
        }

        return jwt.TryGetHeaderValue<object>("crit", out _) ? JwtRejection.CriticalHeader : null;
    }

    /// <summary>Whether <paramref name="token"/> is three base64url parts (the last may be empty).</summary>
    internal static bool IsCompactJws(ReadOnlySpan<char> token)
    {
        var dots = 0;
        var partLength = 0;
        foreach (var c in token)
        {
            if (c == '.')
            {
                if (partLength == 0 || ++dots > 2)
                {
                    return false;
                }

                partLength = 0;
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            {
                partLength++;
            }
            else
            {
                return false;
            }
        }

        return dots == 2;
    }

    /// <summary>The class of a validation failure; the message stays out of logs, since it can quote the token.</summary>
    internal static JwtRejection Classify(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => JwtRejection.Expired,
        SecurityTokenNotYetValidException => JwtRejection.NotYetValid,
        SecurityTokenNoExpirationException => JwtRejection.NoExpiration,
        SecurityTokenInvalidIssuerException => JwtRejection.WrongIssuer,
        SecurityTokenInvalidAudienceException => JwtRejection.WrongAudience,
        SecurityTokenInvalidAlgorithmException => JwtRejection.Algorithm,
        SecurityTokenSignatureKeyNotFoundException => JwtRejection.UnknownKey,
        SecurityTokenInvalidSignatureException => JwtRejection.BadSignature,
        SecurityTokenMalformedException => JwtRejection.Malformed,
        _ => JwtRejection.Invalid,
    };
}
