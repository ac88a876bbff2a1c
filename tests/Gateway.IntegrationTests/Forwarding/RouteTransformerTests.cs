using System.Net.Http.Headers;
using Gateway.IntegrationTests.Common;
using Microsoft.Extensions.Logging;

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

    /// <summary>Each way of writing a Connection header that names X-Secret, with and without a request body.</summary>
    public static TheoryData<string, bool> ConnectionForms()
    {
        var data = new TheoryData<string, bool>();
        string[] forms =
        [
            "Connection: X-Secret",
            "Connection: x-secret",
            "Connection: keep-alive, X-Secret",
            "Connection: close, X-Secret",
            "Connection: X-Secret, close",
            "Connection: Keep-Alive,X-Secret",
            "Connection: keep-alive\r\nConnection: X-Secret",
            "Connection: X-Secret\r\nConnection: close",
            "Connection: keep-alive, , X-Secret ,",
        ];
        foreach (var form in forms)
        {
            data.Add(form, false);
            data.Add(form, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ConnectionForms))]
    public async Task TransformRequestAsync_ConnectionNamesHeader_NotForwarded(string connection, bool withBody)
    {
        await using var upstream = await EchoUpstream.StartAsync("u");
        await using var gateway = await CreateGatewayAsync(upstream);

        // Raw bytes: HttpClient would rewrite the Connection header (close and keep-alive are its own properties).
        var response = await RawHttpClient.SendAsync(gateway.PublicUri, Request(connection, withBody, "X-Secret: do-not-forward\r\n"));
        var echo = EchoReply.Read(response);

        Assert.False(echo.Headers.ContainsKey("x-secret"), $"'{connection}' names X-Secret, a hop-by-hop header");
        Assert.False(echo.Headers.ContainsKey("connection"));
        Assert.Equal("forward-me", echo.Headers["x-end-to-end"]);
        Assert.Equal(withBody ? 5 : 0, echo.BodyLength);
    }

    /// <summary>Standard request and content header names a Connection header may name, alone or after an option, with and without a body.</summary>
    public static TheoryData<string, bool> StandardHeaderNames()
    {
        var data = new TheoryData<string, bool>();
        string[] names = ["Upgrade", "TE", "Content-Type", "Content-Language", "Cache-Control", "Via", "Authorization", "Expires"];
        foreach (var connection in names.SelectMany(n => new[] { n, "keep-alive, " + n }))
        {
            data.Add(connection, false);
            data.Add(connection, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StandardHeaderNames))]
    public async Task TransformRequestAsync_ConnectionNamesStandardHeader_RemovedFromItsCollection(string connection, bool withBody)
    {
        await using var upstream = await EchoUpstream.StartAsync("u");
        await using var gateway = await CreateGatewayAsync(upstream);
        var name = connection.Split(", ")[^1];
        var headers = $"Cache-Control: no-cache\r\nVia: 1.1 edge\r\nAuthorization: Bearer t\r\nContent-Language: de\r\nExpires: 0\r\n"
            + (withBody ? string.Empty : "Content-Type: text/plain\r\n");

        // Named alone, a content header made HttpHeaders.Remove throw (content headers live in another collection), and
        // the client got a 502 blaming the upstream.
        var response = await RawHttpClient.SendAsync(gateway.PublicUri, Request($"Connection: {connection}", withBody, headers));
        var echo = EchoReply.Read(response);

        Assert.False(echo.Headers.ContainsKey(name.ToLowerInvariant()), $"{name} is named in Connection");
        Assert.Equal("forward-me", echo.Headers["x-end-to-end"]);
        Assert.Equal(withBody ? 5 : 0, echo.BodyLength);
        Assert.DoesNotContain(gateway.Logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Theory]
    [InlineData("Content-Length")]
    [InlineData("content-length, Transfer-Encoding")]
    public async Task TransformRequestAsync_ConnectionNamesFramingHeader_BodyForwardedWithItsLength(string names)
    {
        await using var upstream = await EchoUpstream.StartAsync("u");
        await using var gateway = await CreateGatewayAsync(upstream);

        var response = await RawHttpClient.SendAsync(gateway.PublicUri, Request($"Connection: {names}", withBody: true, string.Empty));
        var echo = EchoReply.Read(response);

        // The upstream gets the body as the client framed it, not re-chunked.
        Assert.Equal("5", echo.Headers["content-length"]);
        Assert.False(echo.Headers.ContainsKey("transfer-encoding"));
        Assert.Equal(5, echo.BodyLength);
    }

    [Fact]
    public async Task TransformResponseAsync_ConnectionNamesHeaders_NotReturnedToClient()
    {
        await using var upstream = await EchoUpstream.StartAsync("u");
        await using var gateway = await CreateGatewayAsync(upstream);

        var response = await RawHttpClient.SendAsync(gateway.PublicUri, "GET /hop-by-hop HTTP/1.1\r\nHost: gw.test\r\n\r\n");

        Assert.Equal(200, response.Status);
        Assert.False(response.Has("X-Internal"), "the upstream's Connection header names X-Internal");
        Assert.False(response.Has("Content-Language"), "the upstream's Connection header names Content-Language");
        Assert.False(response.Has("Connection"));
        Assert.Equal(["1"], response.Values("X-Public"));

        // Content-Length frames the body, and stays, as the request side keeps it.
        Assert.Equal([response.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)], response.Values("Content-Length"));
        Assert.Equal("u", EchoReply.Read(response).Upstream);
    }

    // A request with the given Connection line(s) and extra headers; a body is five bytes with a Content-Length.
    private static string Request(string connection, bool withBody, string headers) =>
        $"{(withBody ? "POST" : "GET")} /x HTTP/1.1\r\nHost: gw.test\r\n{connection}\r\n{headers}X-End-To-End: forward-me\r\n"
        + (withBody ? "Content-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello" : "\r\n");

    private static Task<GatewayHost> CreateGatewayAsync(EchoUpstream upstream) => GatewayHost.StartAsync($$"""
        upstream u { endpoints {{upstream.Address}} }
        route all {
          path /**
          to u
        }
        """);
}
