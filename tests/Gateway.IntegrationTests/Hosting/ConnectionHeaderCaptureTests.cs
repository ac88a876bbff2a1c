using Gateway.IntegrationTests.Common;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Hosting;

/// <summary>The client's Connection lines reach the request they came with, and only that one, on a kept-alive connection.</summary>
public sealed class ConnectionHeaderCaptureTests
{
    [Fact]
    public async Task Restore_NextRequestOnConnection_DoesNotInheritNames()
    {
        await using var upstream = await EchoUpstream.StartAsync("u");
        await using var gateway = await CreateGatewayAsync(upstream);
        using var client = await RawHttpClient.ConnectAsync(gateway.PublicUri);

        var first = EchoReply.Read(await client.SendAsync(
            "GET /x HTTP/1.1\r\nHost: gw.test\r\nConnection: keep-alive, X-Secret\r\nX-Secret: 1\r\n\r\n"));
        var second = EchoReply.Read(await client.SendAsync("GET /x HTTP/1.1\r\nHost: gw.test\r\nX-Secret: 2\r\n\r\n"));

        Assert.False(first.Headers.ContainsKey("x-secret"));
        Assert.Equal("2", second.Headers["x-secret"]);
    }

    [Theory]
    [InlineData("/x")]
    [InlineData("/ping")]
    public async Task Restore_ConnectionInTrailer_DoesNotReachNextRequest(string firstPath)
    {
        await using var upstream = await EchoUpstream.StartAsync("u");
        await using var gateway = await CreateGatewayAsync(upstream);
        using var client = await RawHttpClient.ConnectAsync(gateway.PublicUri);

        // /x forwards, so the body and its trailer are read while the request runs; /ping answers without reading the
        // body, so Kestrel drains it, trailer included, after the request and before the next one.
        var first = await client.SendAsync(
            $"POST {firstPath} HTTP/1.1\r\nHost: gw.test\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nConnection: X-Other\r\n\r\n");
        var second = EchoReply.Read(await client.SendAsync(
            "GET /x HTTP/1.1\r\nHost: gw.test\r\nConnection: keep-alive\r\nX-Other: kept\r\n\r\n"));

        Assert.Equal(200, first.Status);
        Assert.Equal("kept", second.Headers["x-other"]);
    }

    [Theory]
    [InlineData("keep-alive, X-\u00ff")]
    [InlineData("keep-alive, X-\u0000")]
    public async Task EncodingSelector_ConnectionNotUtf8OrNul_Answers400WithoutErrorLog(string connection)
    {
        await using var upstream = await EchoUpstream.StartAsync("u");
        await using var gateway = await CreateGatewayAsync(upstream);

        // RawHttpClient writes ASCII; the bytes go out as Latin-1 so \u00ff is one 0xFF byte, which is not UTF-8.
        var response = await RawHttpClient.SendAsync(gateway.PublicUri, $"GET /x HTTP/1.1\r\nHost: gw.test\r\nConnection: {connection}\r\n\r\n");

        Assert.Equal(400, response.Status);
        Assert.Equal(0, upstream.Requests);
        Assert.DoesNotContain(gateway.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    private static Task<GatewayHost> CreateGatewayAsync(EchoUpstream upstream) => GatewayHost.StartAsync($$"""
        upstream u { endpoints {{upstream.Address}} }
        route ping {
          path /ping
          respond 200 "pong"
        }

        route all {
          path /**
          to u
        }
        """);
}
