using System.Security.Cryptography;
using System.Text.Json;
using Gateway.Policies;
using Gateway.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Tests.Policies;

public sealed class JwksParserTests
{
    [Fact]
    public void Parse_RsaAndEcKeys_ReadsBothWithTheirKids()
    {
        var keys = Parse(TestSigningKey.Jwks(TestSigningKey.SharedRsa, TestSigningKey.SharedEc));

        Assert.Equal(2, keys!.Count);
        Assert.IsType<RsaSecurityKey>(keys.Groups[keys.Find("rsa-1")].Single());
        Assert.IsType<ECDsaSecurityKey>(keys.Groups[keys.Find("ec-1")].Single());
    }

    [Theory]
    [InlineData("", "not JSON")]
    [InlineData("<html>502 Bad Gateway</html>", "not JSON")]
    [InlineData("[]", "not a JWKS document: no 'keys' array")]
    [InlineData("{}", "not a JWKS document: no 'keys' array")]
    [InlineData("{\"keys\": \"x\"}", "not a JWKS document: no 'keys' array")]
    [InlineData("{\"keys\": []}", "no RSA or EC signing key in the document")]
    [InlineData("{\"keys\": [1, \"a\", null]}", "no RSA or EC signing key in the document")]
    [InlineData("{\"keys\": [{\"kty\": \"oct\", \"kid\": \"h\", \"k\": \"c2VjcmV0LXNlY3JldC1zZWNyZXQ\"}]}", "no RSA or EC signing key in the document")]
    public void Parse_NoUsableKey_FailsWithReason(string json, string reason)
    {
        Assert.Null(JwksParser.Parse(json, DateTimeOffset.UnixEpoch, out var error));
        Assert.Equal(reason, error);
    }

    [Fact]
    public void Parse_EncryptionKey_Skipped()
    {
        var encryption = TestSigningKey.SharedEc.Jwk();
        encryption["use"] = "enc";

        var keys = Parse(Document(encryption, TestSigningKey.SharedRsa.Jwk()));

        Assert.Equal(1, keys!.Count);
        Assert.Equal(-1, keys.Find("ec-1"));
    }

    [Fact]
    public void Parse_RsaKeyUnder2048Bits_Skipped()
    {
        using var small = RSA.Create(1024);
        var parameters = small.ExportParameters(false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["kid"] = "small",
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };

        var keys = Parse(Document(jwk, TestSigningKey.SharedEc.Jwk()));

        Assert.Equal(-1, keys!.Find("small"));
        Assert.Equal(1, keys.Count);
    }

    [Fact]
    public void Parse_BrokenKeys_SkippedAndTheGoodOneKept()
    {
        var badBase64 = TestSigningKey.SharedRsa.WithKid("bad-n").Jwk();
        badBase64["n"] = "!!!not base64url!!!";
        var offCurve = TestSigningKey.SharedEc.WithKid("off-curve").Jwk();
        offCurve["y"] = offCurve["x"];

        var keys = Parse(Document(badBase64, offCurve, TestSigningKey.SharedEc.Jwk()));

        Assert.Equal(1, keys!.Count);
        Assert.Equal(0, keys.Find("ec-1"));
    }

    private static JwtKeys? Parse(string json)
    {
        var keys = JwksParser.Parse(json, DateTimeOffset.UnixEpoch, out var error);
        Assert.True(keys is not null, error);
        return keys;
    }

    private static string Document(params Dictionary<string, object>[] keys) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["keys"] = keys });
}
