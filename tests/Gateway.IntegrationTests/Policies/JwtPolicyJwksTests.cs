using System.Net;
using Gateway.IntegrationTests.Common;
using Gateway.Logging;
using Gateway.Routing;
using Gateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Policies;

/// <summary>How <c>jwt</c> keeps its JWKS: rotation, the refresh floor, one fetch in flight, an issuer that is down
/// or answers garbage, and reloads; each test has its own issuer and gateway, and counts fetches on the issuer.</summary>
public sealed class JwtPolicyJwksTests
{
    [Fact]
    public async Task SendAsync_KeyRotated_NewKidAcceptedAfterRefresh()
    {
        await using var setup = await Setup.StartAsync("1ms", TestSigningKey.SharedRsa);
        using (var before = await setup.GetAsync(TestTokens.Create(TestSigningKey.SharedRsa)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var rotated = TestSigningKey.Rsa("rsa-2");
        setup.Issuer.Serve(rotated);
        var fetches = setup.Issuer.Fetches;

        using var fresh = await setup.GetAsync(TestTokens.Create(rotated));
        using var retired = await setup.GetAsync(TestTokens.Create(TestSigningKey.SharedRsa));

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, retired.StatusCode);
        Assert.True(setup.Issuer.Fetches > fetches);
    }

    [Fact]
    public async Task SendAsync_FloodOfUnknownKids_NoFetchWithinTheFloor()
    {
        await using var setup = await Setup.StartAsync("10m", TestSigningKey.SharedRsa);
        using (var first = await setup.GetAsync(TestTokens.Create(TestSigningKey.SharedRsa)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        for (var batch = 0; batch < 5; batch++)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
                setup.GetAsync(TestTokens.Create(TestSigningKey.SharedRsa.WithKid(Guid.NewGuid().ToString("N"))))));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        // Even a real rotation waits for the floor: the kid is unknown, and the floor forbids a fetch.
        var rotated = TestSigningKey.Rsa("rsa-2");
        setup.Issuer.Serve(TestSigningKey.SharedRsa, rotated);
        using var fresh = await setup.GetAsync(TestTokens.Create(rotated));

        Assert.Equal(HttpStatusCode.Unauthorized, fresh.StatusCode);
        Assert.Equal(1, setup.Issuer.Fetches);
    }

    [Fact]
    public async Task SendAsync_ConcurrentRequestsWhileFetching_ShareOneFetch()
    {
        await using var setup = await Setup.StartAsync("1ms", hold: true, TestSigningKey.SharedRsa);
        await setup.Issuer.WaitForFetchesAsync(1);

        var requests = Enumerable.Range(0, 20).Select(_ => setup.GetAsync(TestTokens.Create(TestSigningKey.SharedRsa))).ToArray();
        await setup.WaitForRequestsStartedAsync(20);
        Assert.All(requests, r => Assert.False(r.IsCompleted));
        setup.Issuer.ReleaseHeld();
        var responses = await Task.WhenAll(requests);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, setup.Issuer.Fetches);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Theory]
    [InlineData(500, "{\"error\": \"boom\"}")]
    [InlineData(200, "<html>gateway timeout</html>")]
    [InlineData(200, "")]
    [InlineData(200, "[]")]
    [InlineData(200, "{\"keys\": \"none\"}")]
    [InlineData(200, "{\"keys\": []}")]
    [InlineData(200, "{\"keys\": [{\"kty\": \"oct\", \"kid\": \"rsa-1\", \"k\": \"c2VjcmV0LXNlY3JldC1zZWNyZXQ\"}]}")]
    public async Task SendAsync_IssuerFailing_LastGoodKeysUsedAndOneWarning(int status, string body)
    {
        await using var setup = await Setup.StartAsync("1ms", TestSigningKey.SharedRsa);
        using (var first = await setup.GetAsync(TestTokens.Create(TestSigningKey.SharedRsa)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        setup.Issuer.Respond(status, body);
        var fetches = setup.Issuer.Fetches;
        for (var i = 0; i < 3; i++)
        {
            // An unknown kid forces a fetch each time (the floor is 1 ms), and each one fails.
            using var unknown = await setup.GetAsync(TestTokens.Create(TestSigningKey.SharedRsa.WithKid("rotated-" + i)));
            Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        }

        using var known = await setup.GetAsync(TestTokens.Create(TestSigningKey.SharedRsa));

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(fetches + 3, setup.Issuer.Fetches);
        Assert.Single(setup.Logs(EventIds.JwksFetchFailed), e => e.Level == LogLevel.Warning);
        Assert.Equal(2, setup.Logs(EventIds.JwksStillFailing).Count(e => e.Level == LogLevel.Debug));

        // Back up: the next fetch succeeds and says so once.
        setup.Issuer.Serve(TestSigningKey.SharedRsa);
        using var after = await setup.GetAsync(TestTokens.Create(TestSigningKey.SharedRsa.WithKid("rotated-3")));
        Assert.Single(setup.Logs(EventIds.JwksRecovered), e => e.Level == LogLevel.Information);
    }

    [Fact]
    public async Task SendAsync_IssuerGone_LastGoodKeysUsed()
    {
        await using var setup = await Setup.StartAsync("1ms", TestSigningKey.SharedRsa);
        using (var first = await setup.GetAsync(TestTokens.Create(TestSigningKey.SharedRsa)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        await setup.Issuer.DisposeAsync();
        using var unknown = await setup.GetAsync(TestTokens.Create(TestSigningKey.SharedRsa.WithKid("rotated")));
        using var known = await setup.GetAsync(TestTokens.Create(TestSigningKey.SharedRsa));

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Single(setup.Logs(EventIds.JwksFetchFailed), e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task SendAsync_NoKeysEverFetched_503ThenServedOnceTheIssuerAnswers()
    {
        await using var setup = await Setup.StartAsync("1ms", failFirst: true, TestSigningKey.SharedRsa);
        var token = TestTokens.Create(TestSigningKey.SharedRsa);
        var before = setup.Upstream.Requests;

        for (var i = 0; i < 3; i++)
        {
            using var response = await setup.GetAsync(token);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Empty(response.Headers.WwwAuthenticate);
        }

        using (var missing = await setup.GetAsync(null))
        {
            // No token needs no key: still 401.
            Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        }

        Assert.Equal(before, setup.Upstream.Requests);
        Assert.Single(setup.Logs(EventIds.JwksFetchFailed), e => e.Level == LogLevel.Warning);
        Assert.DoesNotContain(setup.Gateway.Logs.Entries, e => e.Level >= LogLevel.Error);
        JwtPolicyTests.AssertNotLogged(setup.Gateway.Logs.Entries, token);

        setup.Issuer.Serve(TestSigningKey.SharedRsa);
        using var served = await setup.GetAsync(token);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task Reload_SameJwksUrl_KeysKeptWithoutFetching()
    {
        await using var setup = await Setup.StartAsync("1ms", TestSigningKey.SharedRsa);
        using (var first = await setup.GetAsync(TestTokens.Create(TestSigningKey.SharedRsa)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var services = setup.Gateway.App.Services;
        var snapshot = RouteTableLoader.TryLoad(RouteSource.Interpreted(setup.RoutesText, "reloaded.gw"), services.GetRequiredService<SnapshotServices>(), out var result);
        Assert.True(snapshot is not null, string.Join("\n", result.Diagnostics));
        services.GetRequiredService<RouteTableHolder>().Swap(snapshot);
        setup.Issuer.Respond(500, "down");

        using var after = await setup.GetAsync(TestTokens.Create(TestSigningKey.SharedRsa));

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(1, setup.Issuer.Fetches);
    }

    /// <summary>An issuer, an upstream and a gateway with one <c>jwt</c> route on <c>/api/**</c>.</summary>
    private sealed class Setup : IAsyncDisposable
    {
        private Setup(JwksServer issuer, EchoUpstream upstream, GatewayHost gateway, string routesText)
        {
            Issuer = issuer;
            Upstream = upstream;
            Gateway = gateway;
            RoutesText = routesText;
            Client = gateway.CreateClient();
        }

        public JwksServer Issuer { get; }

        public EchoUpstream Upstream { get; }

        public GatewayHost Gateway { get; }

        public string RoutesText { get; }

        public HttpClient Client { get; }

        public static Task<Setup> StartAsync(string minRefresh, params TestSigningKey[] keys) => StartAsync(minRefresh, false, false, keys);

        public static Task<Setup> StartAsync(string minRefresh, bool hold, params TestSigningKey[] keys) => StartAsync(minRefresh, hold, false, keys);

        public static Task<Setup> StartAsync(string minRefresh, bool failFirst, TestSigningKey key) => StartAsync(minRefresh, false, failFirst, [key]);

        private static async Task<Setup> StartAsync(string minRefresh, bool hold, bool failFirst, TestSigningKey[] keys)
        {
            var issuer = await JwksServer.StartAsync(keys);
            issuer.HoldFetches = hold;
            if (failFirst)
            {
                issuer.Respond(503, "starting");
            }

            var upstream = await EchoUpstream.StartAsync("echo");
            var routes = $$"""
                upstream echo {
                  endpoints {{upstream.Address}}
                }

                route api {
                  path /api/**
                  jwt {
                    issuer {{TestTokens.Issuer}}
                    audience {{TestTokens.Audience}}
                    jwks {{issuer.Url}}
                    jwks-refresh 1h
                    jwks-min-refresh {{minRefresh}}
                  }
                  to echo
                }
                """;
            var gateway = await GatewayHost.StartAsync(routes, ("Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Information"));
            return new Setup(issuer, upstream, gateway, routes);
        }

        public async Task<HttpResponseMessage> GetAsync(string? token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/x");
            if (token is not null)
            {
                request.Headers.Authorization = new("Bearer", token);
            }

            return await Client.SendAsync(request);
        }

        public IEnumerable<RecordingLoggerProvider.LogEntry> Logs(int eventId) => Gateway.Logs.Entries.Where(e => e.EventId.Id == eventId);

        /// <summary>Waits, at most 30 s, until Kestrel has started <paramref name="count"/> requests.</summary>
        public async Task WaitForRequestsStartedAsync(int count)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (Started() < count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }

            Assert.Equal(count, Started());

            int Started() => Gateway.Logs.Entries.Count(e => e.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && e.EventId.Id == 1);
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await Gateway.DisposeAsync();
            await Upstream.DisposeAsync();
            await Issuer.DisposeAsync();
        }
    }
}
