using System.Text.Json;
using Gateway.IntegrationTests.Common;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Forwarding;

/// <summary>Upstream failures as the client sees them: status, problem body, and the log level they leave.</summary>
public sealed class ForwardErrorsTests
{
    [Fact]
    public async Task SendAsync_UpstreamSlowerThanTimeout_Returns504Problem()
    {
        await using var slow = await EchoUpstream.StartAsync("slow");
        await using var gateway = await CreateGatewayAsync(slow, upstreamTimeout: "00:00:00.500");
        using var client = gateway.CreateClient();

        // The upstream would answer after 60 s (it stops waiting when the gateway gives up); a bound well below that, but
        // far above the 0.5 s timeout, tells the two apart even on a busy CI machine warming up a cold JIT.
        var started = DateTime.UtcNow;
        using var response = await client.GetAsync("/slow?ms=60000");

        Assert.Equal(504, (int)response.StatusCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30), "the timeout, not the upstream, ended the request");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(504, json.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(gateway.Logs.Entries, e => e.EventId.Id == Gateway.Logging.EventIds.ForwardFailed && e.Level == LogLevel.Warning);
        Assert.DoesNotContain(gateway.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task SendAsync_ClientAbortsMidRequest_NoErrorLog()
    {
        await using var upstream = await EchoUpstream.StartAsync("slow");
        upstream.HoldRequests = true;
        await using var gateway = await CreateGatewayAsync(upstream, upstreamTimeout: "00:00:30");
        using var client = gateway.CreateClient();
        using var cancel = new CancellationTokenSource();

        // Abort only once the request is in flight at the upstream: a fixed delay raced a cold JIT on CI, so the
        // client sometimes gave up before the gateway had seen the request at all.
        var send = client.GetAsync("/hold", cancel.Token);
        for (var i = 0; i < 200 && upstream.Held == 0 && !send.IsCompleted; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(1, upstream.Held);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);

        // The gateway notices the abort when its forward ends; wait for that log line (bounded).
        for (var i = 0; i < 100 && !gateway.Logs.Entries.Any(e => e.EventId.Id == Gateway.Logging.EventIds.ForwardFailed); i++)
        {
            await Task.Delay(100);
        }

        var entry = Assert.Single(gateway.Logs.Entries, e => e.EventId.Id == Gateway.Logging.EventIds.ForwardFailed);
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.DoesNotContain(gateway.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    private static Task<GatewayHost> CreateGatewayAsync(EchoUpstream upstream, string upstreamTimeout) => GatewayHost.StartAsync(
        $$"""
        upstream slow { endpoints {{upstream.Address}} }
        route all {
          path /**
          to slow
        }
        """,
        ("Gateway:UpstreamTimeout", upstreamTimeout));
}
