using System.Net;
using System.Text;
using Gateway.IntegrationTests.Common;
using Gateway.Logging;
using Gateway.Testing;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Policies;

/// <summary><c>jwt</c> through the real gateway: real tokens from real keys, a JWKS from a loopback issuer.</summary>
public sealed class JwtPolicyTests(JwtGatewayFixture fixture) : IClassFixture<JwtGatewayFixture>
{
    // RFC 7515 A.1: HS256, iss joe, expired in 2011. RFC 7515 A.5: the same claims unsigned.
    private const string Rfc7515Hs256 = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private const string Rfc7515Unsigned = "eyJhbGciOiJub25lIn0.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.";

    [Fact]
    public async Task SendAsync_ValidRsaToken_ReachesUpstream()
    {
        using var response = await fixture.GetAsync("/bearer/x", TestTokens.Create(TestSigningKey.SharedRsa));
        var echo = await EchoReply.ReadAsync(response);

        Assert.Equal("/bearer/x", echo.Path);
    }

    [Fact]
    public async Task SendAsync_ValidEcToken_ReachesUpstream()
    {
        using var response = await fixture.GetAsync("/bearer/x", TestTokens.Create(TestSigningKey.SharedEc));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SendAsync_SecondAudience_Accepted()
    {
        var token = TestTokens.Create(TestSigningKey.SharedRsa, edit: d => d.Audience = "billing-api");

        using var response = await fixture.GetAsync("/bearer/x", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SendAsync_LowerCaseScheme_Accepted()
    {
        using var response = await fixture.GetAsync("/bearer/x", null, ("Authorization", "bearer " + TestTokens.Create(TestSigningKey.SharedRsa)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic YWxpY2U6c2VjcmV0")]
    public async Task SendAsync_NoBearerToken_401WithRealmAndUpstreamNotReached(string? authorization)
    {
        var before = fixture.Upstream.Requests;
        using var response = authorization is null
            ? await fixture.GetAsync("/bearer/x", null)
            : await fixture.GetAsync("/bearer/x", null, ("Authorization", authorization));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer realm=\"gateway\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, fixture.Upstream.Requests);
    }

    [Theory]
    [InlineData("alg-none", "Unsigned")]
    [InlineData("rfc7515-unsigned", "Unsigned")]
    [InlineData("hs256-with-rsa-public-key", "Algorithm")]
    [InlineData("rfc7515-hs256", "Algorithm")]
    [InlineData("rs384-not-allowed", "Algorithm")]
    [InlineData("expired", "Expired")]
    [InlineData("not-yet-valid", "NotYetValid")]
    [InlineData("no-exp", "NoExpiration")]
    [InlineData("wrong-audience", "WrongAudience")]
    [InlineData("wrong-issuer", "WrongIssuer")]
    [InlineData("bad-signature", "BadSignature")]
    [InlineData("signed-by-another-key", "BadSignature")]
    [InlineData("malformed-base64", "Malformed")]
    [InlineData("malformed-json", "Malformed")]
    [InlineData("jwe-shape", "Malformed")]
    [InlineData("over-8kb", "TooLarge")]
    [InlineData("missing-kid-several-keys", "NoKeyId")]
    [InlineData("unknown-kid", "UnknownKey")]
    [InlineData("crit-header", "CriticalHeader")]
    public async Task SendAsync_BadToken_401InvalidTokenAndUpstreamNotReached(string kind, string reason)
    {
        var token = BadToken(kind);
        var before = fixture.Upstream.Requests;

        using var response = await fixture.GetAsync("/bearer/x", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, fixture.Upstream.Requests);

        var entries = fixture.Gateway.Logs.Entries;
        Assert.Contains(entries, e => e.EventId.Id == EventIds.TokenRejected && e.Level == LogLevel.Debug && e.Message.Contains($"({reason})"));
        AssertNotLogged(entries, token);
        Assert.DoesNotContain(entries, e => e.Category.StartsWith("Gateway", StringComparison.Ordinal) && e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task SendAsync_SingleKeySetAndNoKid_Accepted()
    {
        var token = TestTokens.Create(TestSigningKey.SharedRsa.WithKid(null));

        using var response = await fixture.GetAsync("/single/x", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SendAsync_SingleKeySetWithoutKid_AcceptsAnyKidItVerifies()
    {
        // The one key has no kid, so the token's kid cannot be compared; the signature still decides.
        using var good = await fixture.GetAsync("/single/x", TestTokens.Create(TestSigningKey.SharedRsa.WithKid("whatever")));
        using var bad = await fixture.GetAsync("/single/x", TestTokens.Create(TestSigningKey.SharedEc));

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
    }

    [Fact]
    public async Task SendAsync_TokenInCookie_Accepted()
    {
        var token = TestTokens.Create(TestSigningKey.SharedRsa);

        using var response = await fixture.GetAsync("/cookie/x", null, ("Cookie", "theme=dark; access_token=" + token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SendAsync_CookieRouteGivenBearerHeader_401WithRealm()
    {
        using var response = await fixture.GetAsync("/cookie/x", TestTokens.Create(TestSigningKey.SharedRsa));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer realm=\"gateway\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task SendAsync_TokenInNamedHeader_Accepted()
    {
        var token = TestTokens.Create(TestSigningKey.SharedEc);

        using var response = await fixture.GetAsync("/header/x", null, ("X-Token", token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SendAsync_BadTokenInNamedHeader_401InvalidToken()
    {
        var token = TestTokens.Create(TestSigningKey.SharedEc, edit: d => d.Issuer = "https://evil.test/");

        using var response = await fixture.GetAsync("/header/x", null, ("X-Token", token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
    }

    internal static void AssertNotLogged(IReadOnlyList<RecordingLoggerProvider.LogEntry> entries, string token)
    {
        var signature = token[(token.LastIndexOf('.') + 1)..];
        foreach (var entry in entries)
        {
            var text = entry.Message + entry.Exception;
            Assert.DoesNotContain(token, text, StringComparison.Ordinal);
            if (signature.Length > 0)
            {
                Assert.DoesNotContain(signature, text, StringComparison.Ordinal);
            }
        }
    }

    private static string BadToken(string kind)
    {
        var rsa = TestSigningKey.SharedRsa;
        var now = DateTime.UtcNow;
        return kind switch
        {
            "alg-none" => TestTokens.Unsigned("rsa-1"),
            "rfc7515-unsigned" => Rfc7515Unsigned,
            "hs256-with-rsa-public-key" => TestTokens.HmacWithPublicKey(rsa),
            "rfc7515-hs256" => Rfc7515Hs256,
            "rs384-not-allowed" => TestTokens.Create(rsa, edit: d => d.SigningCredentials = new(rsa.SecurityKey, "RS384")),
            "expired" => TestTokens.Create(rsa, edit: d => (d.IssuedAt, d.NotBefore, d.Expires) = (now.AddMinutes(-20), now.AddMinutes(-20), now.AddMinutes(-5))),
            "not-yet-valid" => TestTokens.Create(rsa, edit: d => (d.IssuedAt, d.NotBefore, d.Expires) = (now, now.AddMinutes(5), now.AddMinutes(15))),
            "no-exp" => TestTokens.Create(rsa, edit: d => d.Expires = null),
            "wrong-audience" => TestTokens.Create(rsa, edit: d => d.Audience = "other-api"),
            "wrong-issuer" => TestTokens.Create(rsa, edit: d => d.Issuer = "https://evil.test/"),
            "bad-signature" => FlipSignature(TestTokens.Create(rsa)),
            "signed-by-another-key" => TestTokens.Create(TestSigningKey.Rsa("rsa-1")),
            "malformed-base64" => "eyJhbGciOiJSUzI1NiJ9.%%%not*base64%%%.c2ln",
            "malformed-json" => Base64("{not json") + TestTokens.Create(rsa)[TestTokens.Create(rsa).IndexOf('.')..],
            "jwe-shape" => "eyJhbGciOiJSU0EtT0FFUCJ9.a2V5.aXY.Y2lwaGVy.dGFn",
            "over-8kb" => TestTokens.Create(rsa, new Dictionary<string, object> { ["pad"] = new string('a', 9000) }),
            "missing-kid-several-keys" => TestTokens.Create(rsa.WithKid(null)),
            "unknown-kid" => TestTokens.Create(TestSigningKey.SharedRsa.WithKid("rsa-unknown")),
            "crit-header" => TestTokens.WithHeader(TestTokens.Create(rsa), "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"crit\":[\"x-ext\"],\"x-ext\":1}"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    // Changes one character in the middle of the signature, where every bit counts.
    private static string FlipSignature(string token)
    {
        var chars = token.ToCharArray();
        var middle = token.LastIndexOf('.') + ((token.Length - token.LastIndexOf('.')) / 2);
        chars[middle] = chars[middle] == 'A' ? 'B' : 'A';
        return new string(chars);
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
