using System.Net;
using Gateway.IntegrationTests.Common;
using Gateway.Logging;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Upstreams;

/// <summary>The <c>breaker</c> directive through the real gateway against real upstreams that fail on command: it
/// opens after enough failures, answers 503 without sending while open, lets one trial through after its break, and
/// closes or opens again on the trial's result.</summary>
public sealed class UpstreamBreakerTests
{
    [Fact]
    public async Task Breaker_UpstreamFails_OpensAndAnswers503WithoutSending_ThenClosesAfterATrialSucceeds()
    {
        await using var upstream = await FailingUpstream.StartAsync("a", failing: true);
        await using var gateway = await GatewayHost.StartAsync(Routes(upstream.Address, "breaker 50% of 4 in 30s break 1s"));
        using var client = gateway.CreateClient();

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.InternalServerError, (await client.GetAsync("/")).StatusCode);
        }

        for (var i = 0; i < 5; i++)
        {
            using var refused = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("circuit breaker", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(4, upstream.Requests);
        await Eventually.TrueAsync(() => Task.FromResult(Logged(gateway, EventIds.BreakerOpened)), "the breaker's opening is logged");
        var opened = Assert.Single(gateway.Logs.Entries, e => e.EventId.Id == EventIds.BreakerOpened);
        Assert.Equal(LogLevel.Warning, opened.Level);
        Assert.Contains("pool", opened.Message, StringComparison.Ordinal);
        Assert.Contains(gateway.Logs.Entries, e => e.EventId.Id == EventIds.BreakerRefused && e.Level == LogLevel.Debug);

        // After the break the first request is the trial; until then every poll is refused without reaching the upstream.
        upstream.Failing = false;
        await Eventually.TrueAsync(async () => (await client.GetAsync("/")).StatusCode == HttpStatusCode.OK, "the trial after the break succeeds");
        Assert.Equal(5, upstream.Requests);
        Assert.Equal("a", await client.GetStringAsync("/"));
        Assert.Equal(6, upstream.Requests);

        await Eventually.TrueAsync(() => Task.FromResult(Logged(gateway, EventIds.BreakerClosed)), "the breaker's closing is logged");
        Assert.Contains(gateway.Logs.Entries, e => e.EventId.Id == EventIds.BreakerHalfOpened && e.Level == LogLevel.Information);
        Assert.Single(gateway.Logs.Entries, e => e.EventId.Id == EventIds.BreakerClosed && e.Level == LogLevel.Information);
    }

    [Fact]
    public async Task Breaker_TrialFails_OpensAgain()
    {
        await using var upstream = await FailingUpstream.StartAsync("a", failing: true);
        await using var gateway = await GatewayHost.StartAsync(Routes(upstream.Address, "breaker 50% of 4 in 30s break 1s"));
        using var client = gateway.CreateClient();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.InternalServerError, (await client.GetAsync("/")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/")).StatusCode);

        await Eventually.TrueAsync(async () => (await client.GetAsync("/")).StatusCode == HttpStatusCode.InternalServerError, "the trial after the break reaches the upstream");
        Assert.Equal(5, upstream.Requests);

        // The failed trial opens the breaker for another break at once.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(5, upstream.Requests);
        await Eventually.TrueAsync(() => Task.FromResult(gateway.Logs.Entries.Count(e => e.EventId.Id == EventIds.BreakerOpened) == 2), "the second opening is logged");
        Assert.Contains(gateway.Logs.Entries, e => e.EventId.Id == EventIds.BreakerOpened && e.Message.Contains("the trial attempt after the break failed", StringComparison.Ordinal));
        Assert.False(Logged(gateway, EventIds.BreakerClosed));
    }

    [Fact]
    public async Task Breaker_FewerAttemptsThanItsThroughput_StaysClosed()
    {
        await using var upstream = await FailingUpstream.StartAsync("a", failing: true);
        await using var gateway = await GatewayHost.StartAsync(Routes(upstream.Address, "breaker 50% of 10 in 30s break 1s"));
        using var client = gateway.CreateClient();

        // Every attempt fails, but the breaker judges only once the window holds ten: the tenth is forwarded and opens it.
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.InternalServerError, (await client.GetAsync("/")).StatusCode);
        }

        Assert.Equal(10, upstream.Requests);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(10, upstream.Requests);
    }

    [Fact]
    public async Task Breaker_ConnectFailureAndItsRetry_BothCount()
    {
        using var closed = ClosedPort.Reserve();
        await using var upstream = await FailingUpstream.StartAsync("a", failing: true);
        await using var gateway = await GatewayHost.StartAsync(Routes("http://127.0.0.1:" + closed.Port + " " + upstream.Address, "breaker 50% of 4 in 30s break 10s"));
        using var client = gateway.CreateClient();

        // Three requests make four attempts: one of them meets the closed port, fails to connect, and is sent again to
        // the other endpoint. Without the retry counted, the fourth request would still be forwarded.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.InternalServerError, (await client.GetAsync("/")).StatusCode);
        }

        Assert.Equal(3, upstream.Requests);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(3, upstream.Requests);
        Assert.Contains(gateway.Logs.Entries, e => e.EventId.Id == EventIds.AttemptRetried);
    }

    [Fact]
    public async Task NoBreaker_UpstreamFails_EveryRequestIsForwarded()
    {
        await using var upstream = await FailingUpstream.StartAsync("a", failing: true);
        await using var gateway = await GatewayHost.StartAsync(Routes(upstream.Address, string.Empty));
        using var client = gateway.CreateClient();

        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.InternalServerError, (await client.GetAsync("/")).StatusCode);
        }

        Assert.Equal(30, upstream.Requests);
        Assert.False(Logged(gateway, EventIds.BreakerOpened));
    }

    private static bool Logged(GatewayHost gateway, int eventId) => gateway.Logs.Entries.Any(e => e.EventId.Id == eventId);

    private static string Routes(string endpoints, string extra) => $$"""
        upstream pool {
          endpoints {{endpoints}}
          balance round_robin
          {{extra}}
        }

        route all {
          path /**
          to pool
        }
        """;
}
