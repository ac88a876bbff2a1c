using System.Net;
using Gateway.IntegrationTests.Common;

namespace Gateway.IntegrationTests.Upstreams;

/// <summary><c>max-concurrent</c> through the real gateway: the upstream's bulkhead.</summary>
public sealed class UpstreamPoolConcurrencyTests
{
    [Fact]
    public async Task SendAsync_LimitReached_ExcessGets503AtOnceWithoutReachingUpstream()
    {
        await using var upstream = await EchoUpstream.StartAsync("u");
        upstream.HoldRequests = true;
        await using var gateway = await CreateGatewayAsync(upstream, limit: 2);
        using var client = gateway.CreateClient();

        // Two requests fill the bulkhead and wait at the upstream.
        var held = new[] { client.GetAsync("/hold"), client.GetAsync("/hold") };
        await Eventually.TrueAsync(() => Task.FromResult(upstream.Held == 2), "both held requests reach the upstream");
        var before = upstream.Requests;

        // Three more are refused at once: they return while the first two are still held.
        var refused = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.GetAsync("/hold")));

        Assert.All(refused, response => Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode));
        Assert.Equal(before, upstream.Requests);
        Assert.Equal(2, upstream.Held);

        // Once released, the slots are free again.
        upstream.HoldRequests = false;
        upstream.ReleaseHeld();
        foreach (var response in await Task.WhenAll(held))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var after = await client.GetAsync("/hold");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    private static Task<GatewayHost> CreateGatewayAsync(EchoUpstream upstream, int limit) => GatewayHost.StartAsync($$"""
        upstream pool {
          endpoints {{upstream.Address}}
          max-concurrent {{limit}}
        }

        route all {
          path /**
          to pool
        }
        """);
}
