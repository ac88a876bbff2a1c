using System.Diagnostics;
using System.Net;
using Gateway.IntegrationTests.Common;
using Gateway.Logging;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Forwarding;

/// <summary>A route's <c>timeout</c> bounds the whole upstream exchange: a slow upstream gets its request cancelled and
/// the client a 504, a response that started and then stalls is aborted, and a route without one keeps today's
/// behaviour.</summary>
public sealed class RouteDeadlineTests : IAsyncLifetime
{
    // Far below the upstream's 5 s and far above the 300 ms timeout, so a slow machine passes and a missing timeout fails.
    private static readonly TimeSpan WellUnderFiveSeconds = TimeSpan.FromSeconds(3);

    private StallingUpstream _upstream = null!;
    private GatewayHost _gateway = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _upstream = await StallingUpstream.StartAsync();
        _gateway = await GatewayHost.StartAsync($$"""
            upstream slow { endpoints {{_upstream.Address}} }
            policy bounded {
              timeout 300ms
            }
            route bounded {
              path /bounded/**
              strip-prefix /bounded
              timeout 300ms
              to slow
            }
            route from-group {
              path /from-group/**
              strip-prefix /from-group
              use bounded
              to slow
            }
            route grouped {
              path /grouped/**
              strip-prefix /grouped
              use bounded
              timeout off
              to slow
            }
            route stalled {
              path /stalled/**
              strip-prefix /stalled
              timeout 1s
              to slow
            }
            route unbounded {
              path /unbounded/**
              strip-prefix /unbounded
              to slow
            }
            """);
        _client = _gateway.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task Get_UpstreamWaitsFiveSeconds_504WellUnderFiveSecondsAndUpstreamCancelled()
    {
        var clock = Stopwatch.StartNew();

        using var response = await _client.GetAsync("/bounded/wait");

        clock.Stop();
        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(clock.Elapsed < WellUnderFiveSeconds, "answered after " + clock.Elapsed);

        // The upstream's RequestAborted fired: the gateway cancelled the request instead of leaving it to run.
        await _upstream.Cancelled.WaitAsync(WellUnderFiveSeconds);

        var entry = Assert.Single(_gateway.Logs.Entries, e => e.EventId.Id == EventIds.RouteTimedOut);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("route bounded", entry.Message, StringComparison.Ordinal);
        Assert.Contains(_upstream.Address, entry.Message, StringComparison.Ordinal);
        Assert.Contains("300 ms", entry.Message, StringComparison.Ordinal);
        Assert.Contains("answered 504", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_gateway.Logs.Entries, e => e.EventId.Id == EventIds.ForwardFailed);
    }

    [Fact]
    public async Task Get_FastUpstreamSameRoute_200()
    {
        await WarmUpAsync();

        using var response = await _client.GetAsync("/bounded/fast");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("fast", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(_gateway.Logs.Entries, e => e.EventId.Id == EventIds.RouteTimedOut);
    }

    [Fact]
    public async Task Get_ResponseStartedThenStalls_ResponseAborted()
    {
        await WarmUpAsync();

        // A longer timeout than the others: the status line must leave the upstream before it elapses, on a busy
        // machine too.
        using var response = await _client.GetAsync("/stalled/stall", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync();
        var clock = Stopwatch.StartNew();

        // The status line is out, so the only honest end is a broken response: the client must not take the first part
        // for the whole body.
        var read = ReadToEndAsync(body);
        await Assert.ThrowsAnyAsync<IOException>(() => read);

        Assert.True(clock.Elapsed < WellUnderFiveSeconds, "aborted after " + clock.Elapsed);
        await _upstream.Cancelled.WaitAsync(WellUnderFiveSeconds);

        // The client sees the abort as it happens; the gateway logs once YARP has returned.
        await Eventually.TrueAsync(() => Task.FromResult(_gateway.Logs.Entries.Any(e => e.EventId.Id == EventIds.RouteTimedOut)), "the timeout is logged");
        var entry = Assert.Single(_gateway.Logs.Entries, e => e.EventId.Id == EventIds.RouteTimedOut);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("route stalled", entry.Message, StringComparison.Ordinal);
        Assert.Contains("response aborted", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_RouteWithoutTimeout_WaitsForTheUpstream()
    {
        using var response = await _client.GetAsync("/unbounded/wait?ms=600");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("waited", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_TimeoutFromPolicyGroup_504()
    {
        var clock = Stopwatch.StartNew();

        using var response = await _client.GetAsync("/from-group/wait");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.True(clock.Elapsed < WellUnderFiveSeconds, "answered after " + clock.Elapsed);
        Assert.Contains("route from-group", Assert.Single(_gateway.Logs.Entries, e => e.EventId.Id == EventIds.RouteTimedOut).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_TimeoutOffInRoute_ClearsTheGroupsTimeout()
    {
        using var response = await _client.GetAsync("/grouped/wait?ms=600");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(_gateway.Logs.Entries, e => e.EventId.Id == EventIds.RouteTimedOut);
    }

    // A cold gateway and upstream spend much of 300 ms compiling and connecting; one request on the route without a
    // timeout pays that, so the test measures the upstream, not the JIT.
    private async Task WarmUpAsync()
    {
        using var response = await _client.GetAsync("/unbounded/fast");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<string> ReadToEndAsync(Stream body)
    {
        using var reader = new StreamReader(body);
        return await reader.ReadToEndAsync();
    }
}
