using System.Net;
using System.Net.WebSockets;
using System.Text;
using Gateway.IntegrationTests.Common;

namespace Gateway.IntegrationTests;

/// <summary>Protocols beyond plain HTTP/1.1 through the gateway: WebSocket upgrades and HTTP/2 cleartext (prior knowledge).</summary>
public sealed class GatewayMiddlewareProtocolTests
{
    [Fact]
    public async Task InvokeAsync_WebSocket_EchoesThroughGateway()
    {
        await using var upstream = await EchoUpstream.StartAsync("ws");
        await using var gateway = await CreateGatewayAsync(upstream);
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var uri = new UriBuilder(gateway.PublicUri) { Scheme = "ws", Path = "/ws" }.Uri;

        await socket.ConnectAsync(uri, timeout.Token);
        foreach (var text in new[] { "hello", "through the gateway" })
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
            var buffer = new byte[1024];
            var received = await socket.ReceiveAsync(buffer, timeout.Token);
            Assert.Equal(text, Encoding.UTF8.GetString(buffer, 0, received.Count));
        }

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
        Assert.Equal(WebSocketState.Closed, socket.State);
    }

    [Fact]
    public async Task InvokeAsync_Http2PriorKnowledge_ServedOverHttp2()
    {
        await using var upstream = await EchoUpstream.StartAsync("h2");
        await using var gateway = await CreateGatewayAsync(upstream);
        using var client = new HttpClient
        {
            BaseAddress = gateway.PublicUri,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        using var response = await client.PostAsync("/h2?x=1", new StringContent("payload"));
        var echo = await EchoReply.ReadAsync(response);

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal("h2", echo.Upstream);
        Assert.Equal("POST", echo.Method);
        Assert.Equal("?x=1", echo.Query);
    }

    private static Task<GatewayHost> CreateGatewayAsync(EchoUpstream upstream) => GatewayHost.StartAsync($$"""
        upstream u { endpoints {{upstream.Address}} }
        route all {
          path /**
          to u
        }
        """);
}
