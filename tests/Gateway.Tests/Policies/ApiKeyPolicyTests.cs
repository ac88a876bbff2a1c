using System.Security.Claims;
using System.Text;
using Gateway.Dsl.Model;
using Gateway.Pipeline;
using Gateway.Policies;
using Gateway.Policies.ApiKeys;
using Gateway.Tests.Common;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests.Policies;

public sealed class ApiKeyPolicyTests : IDisposable
{
    private readonly string _keysFile = Path.Combine(Path.GetTempPath(), $"gateway-policy-keys-{Guid.NewGuid():N}");
    private readonly RecordingLogger _logger = new();

    public void Dispose() => File.Delete(_keysFile);

    [Fact]
    public async Task ApplyAsync_RightKey_ConsumerBecomesTheIdentity()
    {
        var (policy, context) = Create("acme k\n", key: "k");

        var result = await policy.ApplyAsync(context);

        Assert.False(result.HasAnswered);
        Assert.Equal("acme", context.Identity!.Consumer);
        Assert.Null(context.Identity.Claims);
    }

    [Fact]
    public async Task ApplyAsync_IdentityFromAnEarlierJwt_ClaimsKept()
    {
        var (policy, context) = Create("acme k\n", key: "k");
        var claims = new ClaimsIdentity([new Claim("sub", "alice")]);
        context.Identity = new CallerIdentity(claims, consumer: null);

        await policy.ApplyAsync(context);

        Assert.Equal("acme", context.Identity!.Consumer);
        Assert.Equal("alice", context.Identity.FindClaim("sub"));
    }

    [Fact]
    public async Task ApplyAsync_WrongKey_401WithChallengeAndNoIdentity()
    {
        var (policy, context) = Create("acme k\n", key: "other");

        var result = await policy.ApplyAsync(context);

        Assert.True(result.HasAnswered);
        Assert.Equal(401, context.Http.Response.StatusCode);
        Assert.Equal(ApiKeyPolicy.Challenge, context.Http.Response.Headers.WWWAuthenticate.ToString());
        Assert.Equal(OutcomeReason.Unauthorized, context.Outcome.Reason);
        Assert.Null(context.Identity);
    }

    [Fact]
    public async Task ApplyAsync_EmptyHeader_TreatedAsMissing()
    {
        var (policy, context) = Create("acme k\n", key: string.Empty);

        await policy.ApplyAsync(context);

        Assert.Equal(401, context.Http.Response.StatusCode);
        Assert.Contains(_logger.Entries, e => e.EventId.Id == Gateway.Logging.EventIds.ApiKeyMissing);
    }

    [Fact]
    public async Task ApplyAsync_NoKeysEverRead_503()
    {
        var (policy, context) = Create(file: null, key: "k");

        await policy.ApplyAsync(context);

        Assert.Equal(503, context.Http.Response.StatusCode);
        Assert.Equal(OutcomeReason.ApiKeysUnavailable, context.Outcome.Reason);
    }

    private (ApiKeyPolicy Policy, RequestContext Context) Create(string? file, string key)
    {
        if (file is not null)
        {
            File.WriteAllText(_keysFile, file, Encoding.UTF8);
        }

        var store = new ApiKeyStore(_keysFile, Timeout.InfiniteTimeSpan, _logger);
        var settings = new ApiKeySettings
        {
            Source = new TokenSource { Kind = TokenSourceKind.Header, Name = "X-Api-Key" },
            KeysFile = _keysFile,
            Line = 1,
        };
        var http = new DefaultHttpContext();
        http.Request.Headers["X-Api-Key"] = key;
        return (new ApiKeyPolicy("r", settings, store, _logger), new RequestContext(http, snapshot: null));
    }
}
