using System.Diagnostics;
using System.Net;
using Gateway.IntegrationTests.Common;
using Gateway.Logging;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Policies;

/// <summary><c>limit … global</c> against a real <c>redis-server</c>: two gateways share one count, and a Redis that is
/// killed mid-test gives each route its declared failure mode without any request waiting past the timeout.</summary>
/// <remarks>The two gateways run in this test process, each with its own Redis connection and local buckets, as two
/// replicas would; nothing else is shared between them.</remarks>
public sealed class GlobalRateLimitTests : IAsyncLifetime
{
    private const string Timeout = "00:00:00.200";
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task ApplyAsync_TwoGateways_EnforceOneCombinedLimit()
    {
        // A generous timeout: on a machine busy with other tests, a slow answer would be counted locally (fail open),
        // which is right for the product and not what this test measures.
        var routes = Routes(_redis.Address);
        await using var first = await GatewayHost.StartAsync(routes, ("Gateway:RedisTimeout", "00:00:05"));
        await using var second = await GatewayHost.StartAsync(routes, ("Gateway:RedisTimeout", "00:00:05"));
        using var one = first.CreateClient();
        using var two = second.CreateClient();

        // 10/m: 20 requests alternating between the replicas admit 10 in all; two local counts would admit 20.
        var admitted = 0;
        for (var i = 0; i < 20; i++)
        {
            using var response = await (i % 2 == 0 ? one : two).GetAsync("/open");
            admitted += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests });
        }

        Assert.Equal(10, admitted);
        using var refused = await two.GetAsync("/open");
        Assert.Equal("\"open\";q=10;w=60", string.Join(",", refused.Headers.GetValues("RateLimit-Policy")));
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 6);
    }

    [Fact]
    public async Task ApplyAsync_RedisKilledMidTest_FailsOpenOrClosedAsDeclared_WithinTheTimeout_AndRecovers()
    {
        await using var gateway = await GatewayHost.StartAsync(Routes(_redis.Address), ("Gateway:RedisTimeout", Timeout));
        using var client = gateway.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/closed")).StatusCode);

        await _redis.StopAsync();

        // Every request is answered, none later than the timeout allows (with room for a loaded machine).
        var slowest = TimeSpan.Zero;
        var open = new List<HttpStatusCode>();
        var closed = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(i % 2 == 0 ? "/open" : "/closed");
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            (i % 2 == 0 ? open : closed).Add(response.StatusCode);
        }

        Assert.True(slowest < TimeSpan.FromSeconds(1), $"a request waited {slowest.TotalMilliseconds:F0} ms with Redis down");

        // fail open counts locally: its first 10 requests pass; fail closed answers 503.
        Assert.All(open, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.All(closed, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        Assert.Single(gateway.Logs.Entries, e => e.EventId.Id == EventIds.RedisUnavailable && e.Level == LogLevel.Warning);
        Assert.DoesNotContain(gateway.Logs.Entries, e => e.Level >= LogLevel.Error);

        await _redis.StartAgainAsync();
        await Eventually.TrueAsync(
            async () => (await client.GetAsync("/closed")).StatusCode == HttpStatusCode.OK,
            "the fail-closed route admits again once Redis is back");
        Assert.Contains(gateway.Logs.Entries, e => e.EventId.Id == EventIds.RedisRecovered);
    }

    [Fact]
    public async Task Build_GlobalLimitWithoutRedis_WarnsAndFailsAsDeclared()
    {
        await using var gateway = await GatewayHost.StartAsync(Routes(redis: null));
        using var client = gateway.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/open")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/closed")).StatusCode);
        Assert.Equal(2, gateway.Logs.Entries.Count(e => e.EventId.Id == EventIds.RedisNotConfigured));
    }

    [Fact]
    public async Task Build_RedisFromConfiguration_WinsOverTheFile()
    {
        // The file names a port nothing listens on; Gateway:Redis names the real server.
        using var closed = ClosedPort.Reserve();
        await using var gateway = await GatewayHost.StartAsync(Routes("127.0.0.1:" + closed.Port), ("Gateway:Redis", _redis.Address));
        using var client = gateway.CreateClient();

        await Eventually.TrueAsync(async () => (await client.GetAsync("/closed")).StatusCode == HttpStatusCode.OK, "the route counts in the configured Redis");
    }

    [Fact]
    public void Build_MalformedRedisFromConfiguration_RefusesToStart()
    {
        var errors = new StringWriter();
        var app = GatewayApp.Build(["--Gateway:Listen=127.0.0.1:0", "--Gateway:Admin=127.0.0.1:0", "--Gateway:Redis=redis:99999"], errors);

        Assert.Null(app);
        Assert.Contains("redis address 'redis:99999' (Gateway:Redis) has a port that is not a number from 1 to 65535", errors.ToString(), StringComparison.Ordinal);
    }

    private static string Routes(string? redis) => $$"""
        {{(redis is null ? string.Empty : "redis " + redis)}}

        route open {
          path /open
          limit 10/m global
          respond 200 "ok"
        }

        route closed {
          path /closed
          limit 1000/s global fail closed
          respond 200 "ok"
        }
        """;
}
