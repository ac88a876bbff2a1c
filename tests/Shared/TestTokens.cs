using System.Buffers.Text;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Testing;

/// <summary>Real tokens for tests, signed with <see cref="JsonWebTokenHandler.CreateToken(SecurityTokenDescriptor)"/>,
/// and the hostile ones an attacker would send.</summary>
public static class TestTokens
{
    /// <summary>The issuer the test routes accept.</summary>
    public const string Issuer = "https://issuer.test/";

    /// <summary>The audience the test routes accept.</summary>
    public const string Audience = "orders-api";

    // Times are always set by the test, so a token without exp can be made too.
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>A token from <see cref="Issuer"/> for <see cref="Audience"/>, valid from a minute ago for ten minutes,
    /// with <c>sub</c> = <c>alice</c> and <paramref name="claims"/>; <paramref name="edit"/> changes anything.</summary>
    public static string Create(TestSigningKey key, IDictionary<string, object>? claims = null, Action<SecurityTokenDescriptor>? edit = null)
    {
        var now = DateTime.UtcNow;
        var all = new Dictionary<string, object> { ["sub"] = "alice" };
        foreach (var claim in claims ?? new Dictionary<string, object>())
        {
            all[claim.Key] = claim.Value;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(10),
            Claims = all,
            SigningCredentials = new SigningCredentials(key.SecurityKey, key.Algorithm),
        };
        edit?.Invoke(descriptor);
        return Handler.CreateToken(descriptor);
    }

    /// <summary>The RS/HS confusion attack: an HS256 token whose HMAC secret is the RSA key's public PEM text, with the
    /// RSA key's <c>kid</c>; a validator that lets the header pick the algorithm would accept it.</summary>
    public static string HmacWithPublicKey(TestSigningKey rsa)
    {
        var secret = new SymmetricSecurityKey(Encoding.ASCII.GetBytes(rsa.PublicPem)) { KeyId = rsa.Kid };
        var now = DateTime.UtcNow;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(10),
            Claims = new Dictionary<string, object> { ["sub"] = "mallory" },
            SigningCredentials = new SigningCredentials(secret, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>, empty signature) with otherwise valid claims.</summary>
    public static string Unsigned(string? kid = null)
    {
        var header = kid is null ? "{\"alg\":\"none\",\"typ\":\"JWT\"}" : "{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        var payload = "{\"iss\":\"" + Issuer + "\",\"aud\":\"" + Audience + "\",\"sub\":\"mallory\",\"exp\":" + exp + "}";
        return Encode(header) + "." + Encode(payload) + ".";
    }

    /// <summary><paramref name="token"/> with its header replaced by <paramref name="headerJson"/>, signature kept.</summary>
    public static string WithHeader(string token, string headerJson) => Encode(headerJson) + token[token.IndexOf('.')..];

    /// <summary>A claim value that is a JSON array.</summary>
    public static List<object> Array(params string[] values) => values.Cast<object>().ToList();

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
