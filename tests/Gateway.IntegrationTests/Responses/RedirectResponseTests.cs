using System.Net;
using Gateway.IntegrationTests.Common;

namespace Gateway.IntegrationTests.Responses;

/// <summary><c>redirect</c> routes end to end: the status, the Location built from the request and the route's parts,
/// and the route's response-header edits.</summary>
public sealed class RedirectResponseTests : IAsyncLifetime
{
    private GatewayHost _gateway = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _gateway = await GatewayHost.StartAsync("""
            route r301 {
              path /s/301/{**rest}
              redirect 301 path /new/{rest}
            }

            route r302 {
              path /s/302/{**rest}
              redirect 302 path /new/{rest}
            }

            route r303 {
              path /s/303/{**rest}
              redirect 303 path /new/{rest}
            }

            route r307 {
              path /s/307/{**rest}
              redirect 307 path /new/{rest}
            }

            route r308 {
              path /s/308/{**rest}
              redirect 308 path /new/{rest}
            }

            route to-https {
              host secure.test
              path /**
              redirect https
            }

            route to-https-301 {
              host legacy.test
              path /**
              redirect https 301
            }

            route other-host {
              path /docs/{**rest}
              redirect 301 host docs.example.com path /{rest}
            }

            route keep-path {
              path /keep/**
              redirect 302 host other.test
            }

            route other-port {
              path /port
              redirect 307 port 9443
            }

            route default-port {
              path /port80
              redirect 307 port 80
            }

            route scheme-and-port {
              path /tls-port
              redirect 308 scheme https port 8443
            }

            route all-parts {
              path /items/{id:int}/{name}
              redirect 301 scheme https host www.example.com port 444 path /v2/{name}/{id}
            }

            route edited {
              path /edited
              redirect 302 path /target
              response-header set Cache-Control no-store
              response-header add X-Why moved
            }
            """);
        _client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = _gateway.PublicUri };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _gateway.DisposeAsync();
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task WriteAsync_EachStatus_AnswersItWithCapturedPathAndQuery(int status)
    {
        using var response = await SendAsync($"/s/{status}/a/b?x=1&y=%20", "shop.test");

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("http://shop.test/new/a/b?x=1&y=%20", Location(response));
        Assert.Equal(0, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task WriteAsync_RedirectHttps_Answers308AndDropsThePort()
    {
        using var response = await SendAsync("/cart?id=7", "secure.test:8080");

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal("https://secure.test/cart?id=7", Location(response));
    }

    [Fact]
    public async Task WriteAsync_RedirectHttpsWithStatus_AnswersThatStatus()
    {
        using var response = await SendAsync("/", "legacy.test");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("https://legacy.test/", Location(response));
    }

    [Fact]
    public async Task WriteAsync_OtherHostSameScheme_KeepsThePort()
    {
        using var response = await SendAsync("/docs/guide/intro?lang=en", "shop.test:8080");

        Assert.Equal("http://docs.example.com:8080/guide/intro?lang=en", Location(response));
    }

    [Fact]
    public async Task WriteAsync_NoPathPart_KeepsTheRequestPathEncoded()
    {
        using var response = await SendAsync("/keep/a%20b/c?q=1", "shop.test");

        Assert.Equal("http://other.test/keep/a%20b/c?q=1", Location(response));
    }

    [Fact]
    public async Task WriteAsync_PortPart_ReplacesThePort()
    {
        using var response = await SendAsync("/port", "shop.test:8080");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("http://shop.test:9443/port", Location(response));
    }

    [Fact]
    public async Task WriteAsync_PortIsTheSchemesDefault_LeavesItOut()
    {
        using var response = await SendAsync("/port80", "shop.test:8080");

        Assert.Equal("http://shop.test/port80", Location(response));
    }

    [Fact]
    public async Task WriteAsync_SchemeAndPort_UsesBoth()
    {
        using var response = await SendAsync("/tls-port", "shop.test:8080");

        Assert.Equal("https://shop.test:8443/tls-port", Location(response));
    }

    [Fact]
    public async Task WriteAsync_EveryPart_BuildsLocationFromTheRoute()
    {
        using var response = await SendAsync("/items/42/blue%20shoe?ref=mail", "shop.test:8080");

        Assert.Equal("https://www.example.com:444/v2/blue%20shoe/42?ref=mail", Location(response));
    }

    [Fact]
    public async Task WriteAsync_ResponseHeaderEdits_ApplyToTheRedirect()
    {
        using var response = await SendAsync("/edited", "shop.test");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("http://shop.test/target", Location(response));
        Assert.Equal(["no-store"], response.Headers.GetValues("Cache-Control"));
        Assert.Equal(["moved"], response.Headers.GetValues("X-Why"));
    }

    // The Location as sent: HttpClient would resolve a relative one and normalise it.
    private static string? Location(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Location", out var values) ? Assert.Single(values) : null;

    private async Task<HttpResponseMessage> SendAsync(string pathAndQuery, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.Host = host;
        return await _client.SendAsync(request);
    }
}
