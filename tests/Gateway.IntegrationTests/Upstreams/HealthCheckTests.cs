using System.Net;
using Gateway.IntegrationTests.Common;
using Gateway.Logging;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Upstreams;

/// <summary>Active health checks through the real gateway against real upstreams whose <c>/healthz</c> the test
/// controls: an endpoint that dies and recovers, one that flaps, one that answers garbage, and an upstream whose every
/// endpoint is unhealthy.</summary>
public sealed class HealthCheckTests : IAsyncLifetime
{
    private HealthUpstream _a = null!;
    private HealthUpstream _b = null!;

    public async Task InitializeAsync()
    {
        _a = await HealthUpstream.StartAsync("a");
        _b = await HealthUpstream.StartAsync("b");
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task Check_EndpointDiesAndRecovers_LeavesTheBalancerAndComesBack()
    {
        await using var gateway = await GatewayHost.StartAsync(Routes(_a.Address + " " + _b.Address, string.Empty));
        using var client = gateway.CreateClient();

        _a.Health = HealthUpstream.Mode.Failing;
        await Eventually.TrueAsync(() => Task.FromResult(Logged(gateway, EventIds.EndpointUnhealthy)), "endpoint a is found unhealthy");
        var before = _a.Requests;
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal("b", await client.GetStringAsync("/"));
        }

        Assert.Equal(before, _a.Requests);
        Assert.Single(gateway.Logs.Entries, e => e.EventId.Id == EventIds.EndpointUnhealthy && e.Level == LogLevel.Warning && e.Message.Contains(_a.Address, StringComparison.Ordinal));

        _a.Health = HealthUpstream.Mode.Healthy;
        await Eventually.TrueAsync(async () => await client.GetStringAsync("/") == "a", "endpoint a gets requests again");
        Assert.Contains(gateway.Logs.Entries, e => e.EventId.Id == EventIds.EndpointHealthy && e.Message.Contains(_a.Address, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_FlappingEndpoint_StaysInBecauseNoThresholdIsReached()
    {
        // Pass, fail, pass…: never two failures in a row, so the endpoint never goes unhealthy.
        _a.Health = HealthUpstream.Mode.Flapping;
        await using var gateway = await GatewayHost.StartAsync(Routes(_a.Address + " " + _b.Address, string.Empty));

        await Eventually.TrueAsync(() => Task.FromResult(_a.Checks >= 8), "eight checks of the flapping endpoint");

        Assert.False(Logged(gateway, EventIds.EndpointUnhealthy));
        Assert.True(Logged(gateway, EventIds.HealthCheckFailed));
    }

    [Fact]
    public async Task Check_EndpointAnswersGarbage_IsUnhealthy_AndLoggedOnce()
    {
        using var garbage = new GarbageServer();
        await using var gateway = await GatewayHost.StartAsync(Routes(garbage.Address + " " + _b.Address, string.Empty));
        using var client = gateway.CreateClient();

        await Eventually.TrueAsync(() => Task.FromResult(Logged(gateway, EventIds.EndpointUnhealthy)), "the garbage endpoint is found unhealthy");
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal("b", await client.GetStringAsync("/"));
        }

        var unhealthy = Assert.Single(gateway.Logs.Entries, e => e.EventId.Id == EventIds.EndpointUnhealthy);
        Assert.Contains("not valid HTTP", unhealthy.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(gateway.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Check_EveryEndpointUnhealthy_WhenUnhealthy503_Answers503()
    {
        _a.Health = HealthUpstream.Mode.Failing;
        await using var gateway = await GatewayHost.StartAsync(Routes(_a.Address, "when-unhealthy 503"));
        using var client = gateway.CreateClient();

        await Eventually.TrueAsync(async () => (await client.GetAsync("/")).StatusCode == HttpStatusCode.ServiceUnavailable, "the upstream answers 503");
        Assert.Single(gateway.Logs.Entries, e => e.EventId.Id == EventIds.UpstreamAllUnhealthy && e.Message.Contains("503", StringComparison.Ordinal));
        Assert.True(Logged(gateway, EventIds.AllUnhealthyRefused));

        _a.Health = HealthUpstream.Mode.Healthy;
        await Eventually.TrueAsync(async () => (await client.GetAsync("/")).StatusCode == HttpStatusCode.OK, "the upstream answers again");
        Assert.True(Logged(gateway, EventIds.UpstreamHealthyAgain));
    }

    [Fact]
    public async Task Check_EveryEndpointUnhealthy_ByDefault_SendsToThemAnyway()
    {
        _a.Health = HealthUpstream.Mode.Failing;
        await using var gateway = await GatewayHost.StartAsync(Routes(_a.Address, string.Empty));
        using var client = gateway.CreateClient();

        await Eventually.TrueAsync(() => Task.FromResult(Logged(gateway, EventIds.UpstreamAllUnhealthy)), "the upstream is all unhealthy");
        Assert.Equal("a", await client.GetStringAsync("/"));
        Assert.Contains(gateway.Logs.Entries, e => e.EventId.Id == EventIds.UpstreamAllUnhealthy && e.Message.Contains("every endpoint anyway", StringComparison.Ordinal));
    }

    private static bool Logged(GatewayHost gateway, int eventId) => gateway.Logs.Entries.Any(e => e.EventId.Id == eventId);

    private static string Routes(string endpoints, string extra) => $$"""
        upstream pool {
          endpoints {{endpoints}}
          balance round_robin
          health GET /healthz every 100ms timeout 100ms healthy 2 unhealthy 2
          {{extra}}
        }

        route all {
          path /**
          to pool
        }
        """;
}
