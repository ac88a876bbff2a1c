using System.Text;
using Gateway.IntegrationTests.Common;

namespace Gateway.IntegrationTests.Forwarding;

/// <summary><c>mirror UPSTREAM P%</c> through the real gateway: copies without bodies, never waited for.</summary>
public sealed class RequestMirrorTests
{
    [Fact]
    public async Task CopyAsync_ShadowHoldsEveryCopy_ClientsStillGetThePrimarysAnswer()
    {
        await using var primary = await EchoUpstream.StartAsync("primary");
        await using var shadow = await EchoUpstream.StartAsync("shadow");
        shadow.HoldRequests = true;
        await using var gateway = await StartAsync(primary, shadow, "100%");
        using var client = gateway.CreateClient();

        // Each copy waits at the shadow until released, so the clients' answers cannot have waited for a copy.
        for (var i = 0; i < 20; i++)
        {
            using var response = await client.PostAsync("/hold", new StringContent("hello", Encoding.UTF8));
            var echo = await EchoReply.ReadAsync(response);
            Assert.Equal("primary", echo.Upstream);
            Assert.Equal(5, echo.BodyLength);
        }

        await Eventually.TrueAsync(() => Task.FromResult(shadow.Held == 20), $"the shadow holds all 20 copies (it holds {shadow.Held})");
        shadow.ReleaseHeld();
        await Eventually.TrueAsync(() => Task.FromResult(shadow.Held == 0), "the shadow answers the copies");

        // The copies carried no body: the shadow read nothing, the primary all 20 bodies.
        Assert.Equal(20, shadow.Requests);
        Assert.Equal(0, shadow.BodyBytes);
        Assert.Equal(100, primary.BodyBytes);
    }

    [Fact]
    public async Task CopyAsync_TenPercent_CopiesAboutOneInTen()
    {
        await using var primary = await EchoUpstream.StartAsync("primary");
        await using var shadow = await EchoUpstream.StartAsync("shadow");
        await using var gateway = await StartAsync(primary, shadow, "10%");
        using var client = gateway.CreateClient();

        for (var i = 0; i < 1000; i++)
        {
            using var response = await client.GetAsync("/mirrored");
            Assert.True(response.IsSuccessStatusCode);
        }

        // 100 expected, standard deviation 9.5; copies may still be on their way, so the count is read once settled.
        var settled = -1;
        await Eventually.TrueAsync(async () =>
        {
            var before = shadow.Requests;
            await Task.Delay(200);
            settled = shadow.Requests;
            return settled == before;
        }, "the copies have arrived");
        Assert.Equal(1000, primary.Requests);
        Assert.InRange(settled, 50, 150);
    }

    [Fact]
    public async Task CopyAsync_ShadowDown_ClientsUnaffected()
    {
        await using var primary = await EchoUpstream.StartAsync("primary");
        using var closed = ClosedPort.Reserve();
        await using var gateway = await GatewayHost.StartAsync($$"""
            upstream primary {
              endpoints {{primary.Address}}
            }

            upstream shadow {
              endpoints http://127.0.0.1:{{closed.Port}}
            }

            route mirrored {
              path /**
              to primary
              mirror shadow 100%
            }
            """);
        using var client = gateway.CreateClient();

        for (var i = 0; i < 10; i++)
        {
            using var response = await client.GetAsync("/mirrored");
            Assert.Equal("primary", (await EchoReply.ReadAsync(response)).Upstream);
        }

        await Eventually.TrueAsync(() => Task.FromResult(gateway.Logs.Entries.Any(entry => entry.EventId.Id == 350)), "a Debug line says a copy failed");
    }

    private static Task<GatewayHost> StartAsync(EchoUpstream primary, EchoUpstream shadow, string percent) =>
        GatewayHost.StartAsync($$"""
            upstream primary {
              endpoints {{primary.Address}}
            }

            upstream shadow {
              endpoints {{shadow.Address}}
            }

            route mirrored {
              path /**
              to primary
              mirror shadow {{percent}}
            }
            """);
}
