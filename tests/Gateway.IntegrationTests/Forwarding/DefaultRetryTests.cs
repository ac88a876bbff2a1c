using System.Net;
using Gateway.IntegrationTests.Common;
using Gateway.Logging;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Forwarding;

/// <summary>With nothing configured, one dead endpoint of two costs a client nothing on idempotent requests: the
/// request is sent to the other endpoint, and the dead one is passed over for 10 s.</summary>
public sealed class DefaultRetryTests : IAsyncLifetime
{
    private EchoUpstream _live = null!;
    private ClosedPort _dead = null!;
    private GatewayHost _gateway = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _live = await EchoUpstream.StartAsync("live");
        _dead = ClosedPort.Reserve();

        // The dead endpoint comes first, so the first round-robin pick lands on it.
        _gateway = await GatewayHost.StartAsync($$"""
            upstream pair {
              endpoints http://127.0.0.1:{{_dead.Port}} {{_live.Address}}
              balance round_robin
            }
            upstream lone { endpoints http://127.0.0.1:{{_dead.Port}} }
            route pair {
              path /pair/**
              to pair
            }
            route lone {
              path /lone/**
              to lone
            }
            """);
        _client = _gateway.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _gateway.DisposeAsync();
        await _live.DisposeAsync();
        _dead.Dispose();
    }

    [Fact]
    public async Task Get_OneOfTwoEndpointsDead_EveryRequestSucceeds()
    {
        for (var i = 0; i < 20; i++)
        {
            using var response = await _client.GetAsync($"/pair/{i}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("live", (await EchoReply.ReadAsync(response)).Upstream);
        }

        Assert.Equal(20, _live.Requests);

        // One failed connect passed the dead endpoint over; had it been tried again, each try would log again.
        var passedOver = Assert.Single(_gateway.Logs.Entries, e => e.EventId.Id == EventIds.EndpointPassedOver);
        Assert.Equal(LogLevel.Warning, passedOver.Level);
        Assert.Contains("127.0.0.1:" + _dead.Port, passedOver.Message, StringComparison.Ordinal);
        Assert.Single(_gateway.Logs.Entries, e => e.EventId.Id == EventIds.AttemptRetried);
        Assert.DoesNotContain(_gateway.Logs.Entries, e => e.EventId.Id == EventIds.ForwardFailed);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("HEAD")]
    public async Task IdempotentMethod_FirstPickDead_SentToTheOtherEndpoint(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/pair/x");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _live.Requests);
        Assert.Single(_gateway.Logs.Entries, e => e.EventId.Id == EventIds.AttemptRetried);
    }

    [Fact]
    public async Task Post_OneOfTwoEndpointsDead_FailsOnceAndIsNotRetried()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await _client.PostAsync($"/pair/{i}", new StringContent("order"));
            statuses.Add(response.StatusCode);
        }

        // The POST that met the dead endpoint is the client's to repeat; the dead endpoint is passed over all the same,
        // so the others reach the live one.
        Assert.Single(statuses, s => s == HttpStatusCode.BadGateway);
        Assert.Equal(9, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(9, _live.Requests);
        Assert.DoesNotContain(_gateway.Logs.Entries, e => e.EventId.Id == EventIds.AttemptRetried);
    }

    [Fact]
    public async Task Get_OnlyEndpointDead_OneAttemptAnd502()
    {
        using var response = await _client.GetAsync("/lone/x");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.DoesNotContain(_gateway.Logs.Entries, e => e.EventId.Id == EventIds.AttemptRetried);
        Assert.Single(_gateway.Logs.Entries, e => e.EventId.Id == EventIds.ForwardFailed);
    }
}
