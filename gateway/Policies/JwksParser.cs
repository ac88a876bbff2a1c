using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Policies;

/// <summary>Reads a JWKS document (RFC 7517 §5) into <see cref="JwtKeys"/>: the RSA and EC public keys meant for
/// signatures.</summary>
/// <remarks>A key that is meant for something else (<c>use</c> other than <c>sig</c>), of another type (<c>oct</c>
/// shared secrets among them), broken, or an RSA key under 2048 bits (RFC 8725 §3.5) is skipped; a document left
/// with no key is an error, so an issuer that serves an empty or broken set never replaces a good one.</remarks>
public static class JwksParser
{
    /// <summary>The smallest RSA modulus accepted, in bits.</summary>
    public const int MinRsaBits = 2048;

    /// <summary>The keys of <paramref name="json"/>, or null with a short reason in <paramref name="error"/>.</summary>
    public static JwtKeys? Parse(string json, DateTimeOffset loadedAt, out string? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        var keys = new List<SecurityKey>();
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("keys", out var list)
                || list.ValueKind != JsonValueKind.Array)
            {
                error = "not a JWKS document: no 'keys' array";
                return null;
            }

            foreach (var entry in list.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.Object && ReadKey(entry) is { } key)
                {
                    keys.Add(key);
                }
            }
        }
        catch (JsonException)
        {
            error = "not JSON";
            return null;
        }

        if (keys.Count == 0)
        {
            error = "no RSA or EC signing key in the document";
            return null;
        }

        error = null;
        return new JwtKeys(keys, loadedAt);
    }

    /// <summary>One JWK as a key, or null when it is skipped.</summary>
    private static SecurityKey? ReadKey(JsonElement jwk)
    {
        var use = Text(jwk, "use");
        if (use is not null && use != "sig")
        {
            return null;
        }

        var kid = Text(jwk, "kid");
        try
        {
            return Text(jwk, "kty") switch
            {
                "RSA" => Rsa(jwk, kid),
                "EC" => EllipticCurve(jwk, kid),
                _ => null,
            };
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            // Bad base64url, or a point that is not on its curve.
            return null;
        }
    }

    private static RsaSecurityKey? Rsa(JsonElement jwk, string? kid)
    {
        if (Bytes(jwk, "n") is not { } modulus || Bytes(jwk, "e") is not { Length: > 0 } exponent)
        {
            return null;
        }

        var significant = modulus.AsSpan().TrimStart((byte)0);
        if (significant.Length * 8 < MinRsaBits)
        {
            return null;
        }

        return new RsaSecurityKey(new RSAParameters { Modulus = significant.ToArray(), Exponent = exponent }) { KeyId = kid };
    }

    private static ECDsaSecurityKey? EllipticCurve(JsonElement jwk, string? kid)
    {
        ECCurve? curve = Text(jwk, "crv") switch
        {
            "P-256" => ECCurve.NamedCurves.nistP256,
            "P-384" => ECCurve.NamedCurves.nistP384,
            "P-521" => ECCurve.NamedCurves.nistP521,
            _ => null,
        };
        if (curve is null || Bytes(jwk, "x") is not { } x || Bytes(jwk, "y") is not { } y)
        {
            return null;
        }

        // ECDsa.Create checks that the point is on the curve.
        var ecdsa = ECDsa.Create(new ECParameters { Curve = curve.Value, Q = new ECPoint { X = x, Y = y } });
        return new ECDsaSecurityKey(ecdsa) { KeyId = kid };
    }

    private static string? Text(JsonElement jwk, string name) =>
        jwk.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[]? Bytes(JsonElement jwk, string name) =>
        Text(jwk, name) is { Length: > 0 } text ? Base64Url.DecodeFromChars(text) : null;
}
