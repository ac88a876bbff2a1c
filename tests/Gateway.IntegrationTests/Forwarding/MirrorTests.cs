using System.Diagnostics;
using System.Net;
using Gateway.IntegrationTests.Common;
using Gateway.Logging;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Forwarding;

/// <summary><c>mirror</c> through the real gateway: the shadow upstream gets copies of the route's requests, and the
/// client's answer and latency do not depend on the shadow, even when it is slow or down.</summary>
public sealed class MirrorTests : IAsyncLifetime
{
    private readonly ITestOutputHelper _output;
    private EchoUpstream _primary = null!;
    private EchoUpstream _shadow = null!;

    public MirrorTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync()
    {
        _primary = await EchoUpstream.StartAsync("primary");
        _shadow = await EchoUpstream.StartAsync("shadow");
    }

    public async Task DisposeAsync()
    {
        await _primary.DisposeAsync();
        await _shadow.DisposeAsync();
    }

    [Fact]
    public async Task Get_Mirrored_ShadowGetsACopy_ClientGetsThePrimarysAnswer()
    {
        await using var gateway = await GatewayHost.StartAsync(Routes(_shadow.Address, string.Empty));
        using var client = gateway.CreateClient();

        for (var i = 0; i < 20; i++)
        {
            using var response = await client.GetAsync("/items/" + i + "?q=x");
            Assert.Equal("primary", (await EchoReply.ReadAsync(response)).Upstream);
        }

        await Eventually.TrueAsync(() => Task.FromResult(_shadow.Requests == 20), "the shadow got all 20 copies");
        Assert.Equal(20, _primary.Requests);
    }

    [Fact]
    public async Task Get_SlowShadow_DoesNotDelayTheClient()
    {
        // Both upstreams serve /hold; only the shadow holds it, so every copy waits there while the client's request does not.
        await using var gateway = await GatewayHost.StartAsync(Routes(_shadow.Address, string.Empty));
        using var client = gateway.CreateClient();
        _shadow.HoldRequests = true;

        var slowest = TimeSpan.Zero;
        for (var i = 0; i < 10; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync("/hold");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
        }

        await Eventually.TrueAsync(() => Task.FromResult(_shadow.Held == 10), "the shadow holds all ten copies");
        _output.WriteLine($"slowest client request with every copy held by the shadow: {slowest.TotalMilliseconds:F0} ms");
        Assert.True(slowest < TimeSpan.FromSeconds(1), $"a client request took {slowest.TotalMilliseconds:F0} ms");
        _shadow.ReleaseHeld();
    }

    [Fact]
    public async Task Get_ShadowDown_ClientUnaffected_AndTheFailureIsADebugLine()
    {
        using var closed = ClosedPort.Reserve();
        await using var gateway = await GatewayHost.StartAsync(Routes("http://127.0.0.1:" + closed.Port, string.Empty));
        using var client = gateway.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync("/x");
            Assert.Equal("primary", (await EchoReply.ReadAsync(response)).Upstream);
        }

        await Eventually.TrueAsync(() => Task.FromResult(gateway.Logs.Entries.Count(e => e.EventId.Id == EventIds.MirrorFailed) == 5), "five failed copies logged");
        Assert.All(gateway.Logs.Entries.Where(e => e.EventId.Id == EventIds.MirrorFailed), e => Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Debug, e.Level));
    }

    [Fact]
    public async Task Get_TwentyPercent_CopiesAboutAFifth()
    {
        await using var gateway = await GatewayHost.StartAsync(Routes(_shadow.Address, "20%"));
        using var client = gateway.CreateClient();

        for (var i = 0; i < 500; i++)
        {
            using var response = await client.GetAsync("/x");
        }

        await Task.Delay(300);
        _output.WriteLine($"copies of 500 GETs at 20%: {_shadow.Requests}");

        // 100 expected, one standard deviation about 9: four either way.
        Assert.InRange(_shadow.Requests, 64, 136);
    }

    [Fact]
    public async Task Post_WithABody_IsNotCopied()
    {
        await using var gateway = await GatewayHost.StartAsync(Routes(_shadow.Address, string.Empty));
        using var client = gateway.CreateClient();

        for (var i = 0; i < 10; i++)
        {
            using var response = await client.PostAsync("/x", new StringContent("body"));
            Assert.Equal("primary", (await EchoReply.ReadAsync(response)).Upstream);
        }

        // A GET after them is copied, so once it has arrived any copy of a POST would have too.
        using (await client.GetAsync("/x"))
        {
        }

        await Eventually.TrueAsync(() => Task.FromResult(_shadow.Requests >= 1), "the GET's copy arrived");
        await Task.Delay(100);
        Assert.Equal(1, _shadow.Requests);
    }

    private string Routes(string shadowEndpoints, string share) => $$"""
        upstream primary {
          endpoints {{_primary.Address}}
        }

        upstream shadow {
          endpoints {{shadowEndpoints}}
        }

        route all {
          path /**
          mirror shadow {{share}}
          to primary
        }
        """;
}
