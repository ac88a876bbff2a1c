using Gateway.Dsl.Collections;
using Gateway.Dsl.Model;
using Gateway.Logging;
using Gateway.Pipeline;
using Gateway.Policies;
using Gateway.Testing;
using Gateway.Tests.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Tests.Policies;

/// <summary>The policy over keys from a key file, without HTTP; the JWKS paths and the full request path are in the
/// integration tests.</summary>
public sealed class JwtPolicyTests
{
    [Fact]
    public async Task ApplyAsync_ValidToken_SetsIdentityWithJwtClaimNames()
    {
        var context = CreateContext(TestTokens.Create(TestSigningKey.SharedRsa, new Dictionary<string, object> { ["scope"] = "a b" }));

        var result = await CreatePolicy(TestSigningKey.SharedRsa).ApplyAsync(context);

        Assert.False(result.HasAnswered);
        Assert.Equal("alice", context.Identity!.FindClaim("sub"));
        Assert.Equal("a b", context.Identity.FindClaim("scope"));
        Assert.Null(context.Identity.Consumer);
    }

    [Fact]
    public async Task ApplyAsync_PemKeyWithoutKid_AcceptsATokenWithKid()
    {
        var context = CreateContext(TestTokens.Create(TestSigningKey.SharedEc));

        var result = await CreatePolicy(TestSigningKey.SharedEc.WithKid(null)).ApplyAsync(context);

        Assert.False(result.HasAnswered);
    }

    [Fact]
    public async Task ApplyAsync_HmacSignedWithThePublicKey_Rejected()
    {
        var logger = new RecordingLogger();
        var context = CreateContext(TestTokens.HmacWithPublicKey(TestSigningKey.SharedRsa));

        var result = await CreatePolicy(TestSigningKey.SharedRsa, logger).ApplyAsync(context);

        Assert.True(result.HasAnswered);
        Assert.Equal(401, context.Http.Response.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", context.Http.Response.Headers.WWWAuthenticate.ToString());
        Assert.Null(context.Identity);
        Assert.Contains(logger.Entries, e => e.EventId.Id == EventIds.TokenRejected && e.Message.Contains(nameof(JwtRejection.Algorithm)));
    }

    [Fact]
    public async Task ApplyAsync_NoKeys_Answers503()
    {
        var context = CreateContext(TestTokens.Create(TestSigningKey.SharedRsa));

        var result = await new JwtPolicy("test", Settings(), null, null, NullLogger.Instance).ApplyAsync(context);

        Assert.True(result.HasAnswered);
        Assert.Equal(503, context.Http.Response.StatusCode);
        Assert.Equal(OutcomeReason.SigningKeysUnavailable, context.Outcome.Reason);
    }

    [Fact]
    public async Task Create_MissingKeyFile_WarnsOnceAndAnswers503()
    {
        var logger = new RecordingLogger();
        var settings = Settings() with { KeyFile = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.pem") };
        var policy = JwtPolicy.Create("test", settings, new KeySetRegistry(NullLoggerFactory.Instance), new SingleLoggerFactory(logger));

        for (var i = 0; i < 3; i++)
        {
            var context = CreateContext(TestTokens.Create(TestSigningKey.SharedRsa));
            await policy.ApplyAsync(context);
            Assert.Equal(503, context.Http.Response.StatusCode);
        }

        Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains(logger.Entries, e => e.EventId.Id == EventIds.KeyFileUnusable && e.Message.Contains("no such file"));
    }

    [Theory]
    [InlineData("a.b.c", true)]
    [InlineData("a.b.", true)]
    [InlineData("aZ09-_.b.c", true)]
    [InlineData("a.b", false)]
    [InlineData(".b.c", false)]
    [InlineData("a..c", false)]
    [InlineData("a.b.c.d.e", false)]
    [InlineData("a.b+/.c", false)]
    [InlineData("a.b.c=", false)]
    [InlineData("", false)]
    public void IsCompactJws_Shapes(string token, bool expected)
    {
        Assert.Equal(expected, JwtPolicy.IsCompactJws(token));
    }

    [Fact]
    public void Classify_ValidationFailures_ByClass()
    {
        Assert.Equal(JwtRejection.Expired, JwtPolicy.Classify(new SecurityTokenExpiredException()));
        Assert.Equal(JwtRejection.NotYetValid, JwtPolicy.Classify(new SecurityTokenNotYetValidException()));
        Assert.Equal(JwtRejection.WrongAudience, JwtPolicy.Classify(new SecurityTokenInvalidAudienceException()));
        Assert.Equal(JwtRejection.WrongIssuer, JwtPolicy.Classify(new SecurityTokenInvalidIssuerException()));
        Assert.Equal(JwtRejection.BadSignature, JwtPolicy.Classify(new SecurityTokenInvalidSignatureException()));
        Assert.Equal(JwtRejection.Invalid, JwtPolicy.Classify(null));
    }

    private static JwtPolicy CreatePolicy(TestSigningKey key, ILogger? logger = null) =>
        new("test", Settings(), null, new JwtKeys([key.SecurityKey], DateTimeOffset.UtcNow), logger ?? NullLogger.Instance);

    private static JwtSettings Settings() => new()
    {
        Issuer = TestTokens.Issuer,
        Audiences = new[] { TestTokens.Audience }.ToEquatableArray(),
        KeyFile = "unused",
        Algorithms = new[] { "RS256", "ES256" }.ToEquatableArray(),
        ClockSkew = TimeSpan.FromSeconds(30),
        Token = TokenSource.Bearer,
        JwksRefresh = TimeSpan.FromMinutes(10),
        JwksMinRefresh = TimeSpan.FromSeconds(30),
        Line = 1,
    };

    private static RequestContext CreateContext(string token)
    {
        var http = new DefaultHttpContext();
        http.Request.Headers.Authorization = "Bearer " + token;
        return new RequestContext(http, snapshot: null);
    }

    private sealed class SingleLoggerFactory(ILogger logger) : ILoggerFactory
    {
        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => logger;

        public void Dispose()
        {
        }
    }
}
