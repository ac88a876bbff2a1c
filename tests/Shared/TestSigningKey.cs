using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Testing;

/// <summary>A real key pair made in the test (RSA 2048 or EC P-256), to sign tokens with and to publish as a JWK or a
/// PEM file; linked into each test project that needs tokens.</summary>
public sealed class TestSigningKey
{
    private readonly RSA? _rsa;
    private readonly ECDsa? _ec;

    private TestSigningKey(string? kid, RSA? rsa, ECDsa? ec)
    {
        Kid = kid;
        _rsa = rsa;
        _ec = ec;
        SecurityKey = rsa is not null ? new RsaSecurityKey(rsa) { KeyId = kid } : new ECDsaSecurityKey(ec!) { KeyId = kid };
    }

    /// <summary>One RSA key for the whole test run (making one takes a moment).</summary>
    public static TestSigningKey SharedRsa { get; } = Rsa("rsa-1");

    /// <summary>One EC key for the whole test run.</summary>
    public static TestSigningKey SharedEc { get; } = Ec("ec-1");

    /// <summary>The <c>kid</c> in tokens and in the JWK, or null for none.</summary>
    public string? Kid { get; }

    /// <summary><c>RS256</c> or <c>ES256</c>.</summary>
    public string Algorithm => _rsa is not null ? SecurityAlgorithms.RsaSha256 : SecurityAlgorithms.EcdsaSha256;

    /// <summary>The private key, for signing.</summary>
    public SecurityKey SecurityKey { get; }

    /// <summary>The public key as a PEM <c>PUBLIC KEY</c> block.</summary>
    public string PublicPem => _rsa?.ExportSubjectPublicKeyInfoPem() ?? _ec!.ExportSubjectPublicKeyInfoPem();

    /// <summary>A new RSA 2048 key.</summary>
    public static TestSigningKey Rsa(string? kid) => new(kid, RSA.Create(2048), null);

    /// <summary>A new EC P-256 key.</summary>
    public static TestSigningKey Ec(string? kid) => new(kid, null, ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>The same key pair under another <c>kid</c> (null for none).</summary>
    public TestSigningKey WithKid(string? kid) => new(kid, _rsa, _ec);

    /// <summary>The public JWK (RFC 7517), as a JSON object.</summary>
    public Dictionary<string, object> Jwk()
    {
        var jwk = new Dictionary<string, object> { ["use"] = "sig", ["alg"] = Algorithm };
        if (Kid is not null)
        {
            jwk["kid"] = Kid;
        }

        if (_rsa is not null)
        {
            var parameters = _rsa.ExportParameters(includePrivateParameters: false);
            jwk["kty"] = "RSA";
            jwk["n"] = Base64Url.EncodeToString(parameters.Modulus);
            jwk["e"] = Base64Url.EncodeToString(parameters.Exponent);
        }
        else
        {
            var parameters = _ec!.ExportParameters(includePrivateParameters: false);
            jwk["kty"] = "EC";
            jwk["crv"] = "P-256";
            jwk["x"] = Base64Url.EncodeToString(parameters.Q.X);
            jwk["y"] = Base64Url.EncodeToString(parameters.Q.Y);
        }

        return jwk;
    }

    /// <summary>A JWKS document with the public keys of <paramref name="keys"/>.</summary>
    public static string Jwks(params TestSigningKey[] keys) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["keys"] = keys.Select(k => k.Jwk()).ToArray() });
}
