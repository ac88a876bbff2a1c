using System.Net;
using Gateway.IntegrationTests.Common;
using Gateway.Logging;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Upstreams;

/// <summary>The <c>outlier</c> directive through the real gateway against real upstreams that fail on command: failing
/// endpoints are ejected after their count of failures in a row, never more than the upstream's share at once.</summary>
public sealed class OutlierEjectionTests
{
    [Fact]
    public async Task Outlier_EveryEndpointFails_AtMostHalfAreEjected()
    {
        var upstreams = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => FailingUpstream.StartAsync("u" + i, failing: true)));
        try
        {
            await using var gateway = await GatewayHost.StartAsync(Routes(string.Join(' ', upstreams.Select(u => u.Address)), "outlier consecutive 2 eject 30s max 50%"));
            using var client = gateway.CreateClient();

            for (var i = 0; i < 40; i++)
            {
                Assert.Equal(HttpStatusCode.InternalServerError, (await client.GetAsync("/")).StatusCode);
            }

            // Two endpoints were ejected after their second failure; the other two, beyond the share, took the rest.
            var counts = upstreams.Select(u => u.Requests).Order().ToArray();
            Assert.Equal(40, counts.Sum());
            Assert.Equal([2, 2], counts[..2]);
            Assert.All(counts[2..], c => Assert.True(c > 2, "an endpoint beyond the share keeps getting requests"));
            var ejected = gateway.Logs.Entries.Where(e => e.EventId.Id == EventIds.EndpointPassedOver).ToList();
            Assert.Equal(2, ejected.Count);
            Assert.All(ejected, e => Assert.Equal(LogLevel.Warning, e.Level));
            Assert.All(ejected, e => Assert.Contains("status 500", e.Message, StringComparison.Ordinal));
        }
        finally
        {
            foreach (var upstream in upstreams)
            {
                await upstream.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Outlier_OneEndpointFails_IsEjectedAndTheOthersServe()
    {
        await using var bad = await FailingUpstream.StartAsync("bad", failing: true);
        await using var good = await FailingUpstream.StartAsync("good");
        await using var gateway = await GatewayHost.StartAsync(Routes(bad.Address + " " + good.Address, "outlier consecutive 3 eject 30s max 50%"));
        using var client = gateway.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            statuses.Add((await client.GetAsync("/")).StatusCode);
        }

        Assert.Equal(3, bad.Requests);
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.InternalServerError));
        Assert.Single(gateway.Logs.Entries, e => e.EventId.Id == EventIds.EndpointPassedOver && e.Message.Contains(bad.Address, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoOutlier_5xxAnswers_NoEndpointIsPassedOver()
    {
        await using var bad = await FailingUpstream.StartAsync("bad", failing: true);
        await using var good = await FailingUpstream.StartAsync("good");
        await using var gateway = await GatewayHost.StartAsync(Routes(bad.Address + " " + good.Address, string.Empty));
        using var client = gateway.CreateClient();

        for (var i = 0; i < 20; i++)
        {
            await client.GetAsync("/");
        }

        Assert.Equal(10, bad.Requests);
        Assert.DoesNotContain(gateway.Logs.Entries, e => e.EventId.Id == EventIds.EndpointPassedOver);
    }

    [Fact]
    public async Task OutlierOff_ConnectFailures_NoEndpointIsPassedOver()
    {
        using var closed = ClosedPort.Reserve();
        await using var good = await FailingUpstream.StartAsync("good");
        await using var gateway = await GatewayHost.StartAsync(Routes("http://127.0.0.1:" + closed.Port + " " + good.Address, "outlier off"));
        using var client = gateway.CreateClient();

        // POST is not retried, so every other request meets the closed port and fails there.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add((await client.PostAsync("/", new StringContent("x"))).StatusCode);
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.BadGateway));
        Assert.DoesNotContain(gateway.Logs.Entries, e => e.EventId.Id == EventIds.EndpointPassedOver);
    }

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
