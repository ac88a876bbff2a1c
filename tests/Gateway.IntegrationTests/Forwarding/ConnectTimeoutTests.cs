using System.Diagnostics;
using System.Net;
using Gateway.IntegrationTests.Common;
using Gateway.Logging;

namespace Gateway.IntegrationTests.Forwarding;

/// <summary>An upstream's <c>connect-timeout</c> bounds connecting to its endpoints, apart from Gateway:ConnectTimeout,
/// and a connect that times out is a connect failure: 502, the endpoint passed over, and an idempotent request sent
/// to another endpoint.</summary>
/// <remarks>The unanswered endpoint is a loopback listener whose accept queue is full (<see cref="UnansweredPort"/>):
/// the connect hangs as one to a host that drops SYNs would, without traffic leaving 127.0.0.1. Gateway:ConnectTimeout
/// is 30 s here, so an answer within seconds shows the upstream's own value was applied.</remarks>
public sealed class ConnectTimeoutTests : IAsyncLifetime
{
    private static readonly TimeSpan WellUnderThirtySeconds = TimeSpan.FromSeconds(5);

    private UnansweredPort _unanswered = null!;
    private EchoUpstream _live = null!;
    private GatewayHost _gateway = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _unanswered = await UnansweredPort.OpenAsync();
        _live = await EchoUpstream.StartAsync("live");
        _gateway = await GatewayHost.StartAsync($$"""
            upstream lone {
              endpoints http://127.0.0.1:{{_unanswered.Port}}
              connect-timeout 200ms
            }
            upstream pair {
              endpoints http://127.0.0.1:{{_unanswered.Port}} {{_live.Address}}
              balance round_robin
              connect-timeout 200ms
            }
            route lone {
              path /lone/**
              to lone
            }
            route pair {
              path /pair/**
              to pair
            }
            """, ("Gateway:ConnectTimeout", "00:00:30"));
        _client = _gateway.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _gateway.DisposeAsync();
        await _live.DisposeAsync();
        _unanswered.Dispose();
    }

    [Fact]
    public async Task Get_EndpointNeverAnswers_502WithinTheUpstreamsConnectTimeout()
    {
        var clock = Stopwatch.StartNew();

        using var response = await _client.GetAsync("/lone/x");

        clock.Stop();
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.True(clock.Elapsed < WellUnderThirtySeconds, "answered after " + clock.Elapsed);
        var failed = Assert.Single(_gateway.Logs.Entries, e => e.EventId.Id == EventIds.ForwardFailed);
        Assert.Contains("127.0.0.1:" + _unanswered.Port, failed.Message, StringComparison.Ordinal);
        Assert.Contains(_gateway.Logs.Entries, e => e.EventId.Id == EventIds.EndpointPassedOver && e.Message.Contains("ConnectFailure", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_FirstEndpointNeverAnswers_SentToTheOther()
    {
        using var response = await _client.GetAsync("/pair/x");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("live", (await EchoReply.ReadAsync(response)).Upstream);
        Assert.Single(_gateway.Logs.Entries, e => e.EventId.Id == EventIds.AttemptRetried);
    }

    [Fact]
    public async Task Get_UpstreamWithoutConnectTimeout_GatewayDefaultBoundsTheConnect()
    {
        await using var gateway = await GatewayHost.StartAsync($$"""
            upstream lone { endpoints http://127.0.0.1:{{_unanswered.Port}} }
            route lone {
              path /**
              to lone
            }
            """, ("Gateway:ConnectTimeout", "00:00:00.300"));
        using var client = gateway.CreateClient();
        var clock = Stopwatch.StartNew();

        using var response = await client.GetAsync("/x");

        // A connect failure like any other, as the README has always said of Gateway:ConnectTimeout.
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.True(clock.Elapsed < WellUnderThirtySeconds, "answered after " + clock.Elapsed);
    }
}
