using System.Net.Http.Headers;
using Gateway.IntegrationTests.Common;

namespace Gateway.IntegrationTests.Forwarding;

/// <summary>What the upstream receives: X-Forwarded-* added, hop-by-hop headers (including those named in Connection) removed.</summary>
public sealed class RouteTransformerTests
{
    [Fact]
    public async Task TransformRequestAsync_ForwardedRequest_SetsForwardedHeaders()
    {
        await using var upstream = await EchoUpstream.StartAsync("u");
        await using var gateway = await CreateGatewayAsync(upstream);
        using var client = gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/x");
        request.Headers.Host = "shop.test:8443";
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        using var response = await client.SendAsync(request);
        var echo = await EchoReply.ReadAsync(response);

        Assert.Equal("203.0.113.9, 127.0.0.1", echo.Headers["x-forwarded-for"]);
        Assert.Equal("http", echo.Headers["x-forwarded-proto"]);
        Assert.Equal("shop.test:8443", echo.Headers["x-forwarded-host"]);

        // The upstream sees the client's Host by default, as with Envoy, Traefik and the Gateway API.
        Assert.Equal("shop.test:8443", echo.Headers["host"]);
    }

    [Fact]
    public async Task TransformRequestAsync_HeadersNamedInConnection_NotForwarded()
    {
        await using var upstream = await EchoUpstream.StartAsync("u");
        await using var gateway = await CreateGatewayAsync(upstream);
        using var client = gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/x");
        request.Headers.Connection.Add("X-Hop-Secret");
        request.Headers.Add("X-Hop-Secret", "do-not-forward");
        request.Headers.Add("Keep-Alive", "timeout=5");
        request.Headers.Add("X-End-To-End", "forward-me");

        using var response = await client.SendAsync(request);
        var echo = await EchoReply.ReadAsync(response);

        Assert.False(echo.Headers.ContainsKey("x-hop-secret"), "a header named in Connection is hop-by-hop");
        Assert.False(echo.Headers.ContainsKey("keep-alive"));
        Assert.Equal("forward-me", echo.Headers["x-end-to-end"]);
    }

    private static Task<GatewayHost> CreateGatewayAsync(EchoUpstream upstream) => GatewayHost.StartAsync($$"""
        upstream u { endpoints {{upstream.Address}} }
        route all {
          path /**
          to u
        }
        """);
}
