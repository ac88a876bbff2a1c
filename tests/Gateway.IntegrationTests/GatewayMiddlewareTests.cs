using System.Net;
using System.Text.Json;
using Gateway.IntegrationTests.Common;
using Gateway.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests;

/// <summary>The request path end to end: routing by each condition, respond routes, and every error status.</summary>
public sealed class GatewayMiddlewareTests : IAsyncLifetime
{
    private EchoUpstream _a = null!;
    private EchoUpstream _b = null!;
    private EchoUpstream _c = null!;
    private ClosedPort _dead = null!;
    private GatewayHost _gateway = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _a = await EchoUpstream.StartAsync("a");
        _b = await EchoUpstream.StartAsync("b");
        _c = await EchoUpstream.StartAsync("c");
        _dead = ClosedPort.Reserve();
        _gateway = await GatewayHost.StartAsync(Routes(_a, _b, _c, _dead));
        _client = _gateway.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _gateway.DisposeAsync();
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _c.DisposeAsync();
        _dead.Dispose();
    }

    [Theory]
    [InlineData("GET", "api.test", "/anything", null, "a")]
    [InlineData("GET", "other.test", "/b/x/y", null, "b")]
    [InlineData("POST", "other.test", "/m", null, "c")]
    [InlineData("GET", "other.test", "/m", null, "b")]
    [InlineData("GET", "other.test", "/h", "2", "c")]
    [InlineData("GET", "other.test", "/h", "3", "b")]
    [InlineData("GET", "other.test", "/q?v=2", null, "c")]
    [InlineData("GET", "other.test", "/q?v=3", null, "b")]
    public async Task InvokeAsync_RequestConditions_ForwardToMatchingUpstream(string method, string host, string pathAndQuery,
        string? version, string expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), pathAndQuery);
        request.Headers.Host = host;
        if (version is not null)
        {
            request.Headers.Add("x-version", version);
        }

        using var response = await _client.SendAsync(request);
        var echo = await EchoReply.ReadAsync(response);

        Assert.Equal(expected, echo.Upstream);
        Assert.Equal(method, echo.Method);
    }

    [Fact]
    public async Task InvokeAsync_PathAndQuery_ForwardedUnchanged()
    {
        using var response = await _client.GetAsync("/b/some/where?x=1&y=%20z");
        var echo = await EchoReply.ReadAsync(response);

        Assert.Equal("/b/some/where", echo.Path);
        Assert.Equal("?x=1&y=%20z", echo.Query);
    }

    [Fact]
    public async Task InvokeAsync_RespondRoute_WritesCapturedValue()
    {
        using var response = await _client.GetAsync("/hello/world");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("Hello, world!", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task InvokeAsync_NoRoute_Returns404ProblemAndNoErrorLog()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/nowhere");
        request.Headers.Host = "unknown.test";

        using var response = await _client.SendAsync(request);

        await AssertProblemAsync(response, 404);
        Assert.DoesNotContain(_gateway.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task InvokeAsync_UpstreamWithoutEndpoints_Returns503Problem()
    {
        // Discovery will empty an upstream this way; the route file cannot, since it requires an endpoint.
        var tables = _gateway.App.Services.GetRequiredService<RouteTableHolder>();
        tables.Current!.Upstreams["empty"].Endpoints.Replace([]);

        using var response = await _client.GetAsync("/empty");

        await AssertProblemAsync(response, 503);
    }

    [Fact]
    public async Task InvokeAsync_NothingListening_Returns502ProblemAndWarning()
    {
        using var response = await _client.GetAsync("/dead");

        await AssertProblemAsync(response, 502);
        var entry = Assert.Single(_gateway.Logs.Entries, e => e.EventId.Id == Gateway.Logging.EventIds.ForwardFailed);
        Assert.Equal(LogLevel.Warning, entry.Level);

        // One line: the cause is in the message, and no exception (stack trace) is attached.
        Assert.Contains("Connection refused", entry.Message);
        Assert.Null(entry.Exception);
    }

    [Fact]
    public async Task InvokeAsync_Connect_Answers501ProblemAndClosesWithoutForwarding()
    {
        var forwarded = ForwardedCount();

        // Authority-form, as a client configured to use the gateway as an HTTPS proxy sends it; HttpClient would not.
        var response = await RawHttpClient.SendAsync(_gateway.PublicUri, "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n");

        AssertProblem(response, 501);
        Assert.Equal(["close"], response.Values("Connection"));
        Assert.Equal(forwarded, ForwardedCount());
        var entry = Assert.Single(_gateway.Logs.Entries, e => e.EventId.Id == Gateway.Logging.EventIds.TunnelRefused);
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.DoesNotContain(_gateway.Logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Theory]
    [InlineData("api.test", "/anything")]
    [InlineData("other.test", "/b/x")]
    [InlineData("other.test", "/hello/world")]
    public async Task InvokeAsync_TraceToRouteNotNamingTrace_Answers405WithAllowWithoutForwarding(string host, string path)
    {
        var forwarded = ForwardedCount();

        var response = await RawHttpClient.SendAsync(_gateway.PublicUri, $"TRACE {path} HTTP/1.1\r\nHost: {host}\r\nCookie: session=1\r\n\r\n");

        AssertProblem(response, 405);
        Assert.Equal([Gateway.Routing.MethodRules.AllowExceptTrace], response.Values("Allow"));
        Assert.DoesNotContain("session", response.Body);
        Assert.Equal(forwarded, ForwardedCount());
        var entry = Assert.Single(_gateway.Logs.Entries, e => e.EventId.Id == Gateway.Logging.EventIds.TraceNotAllowed);
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.DoesNotContain(_gateway.Logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task InvokeAsync_TraceToRouteNamingTrace_Forwarded()
    {
        var response = await RawHttpClient.SendAsync(_gateway.PublicUri, "TRACE /traced HTTP/1.1\r\nHost: other.test\r\n\r\n");
        var echo = EchoReply.Read(response);

        Assert.Equal("c", echo.Upstream);
        Assert.Equal("TRACE", echo.Method);
    }

    private static string Routes(EchoUpstream a, EchoUpstream b, EchoUpstream c, ClosedPort dead) => $$"""
        upstream a { endpoints {{a.Address}} }
        upstream b { endpoints {{b.Address}} }
        upstream c { endpoints {{c.Address}} }
        upstream empty { endpoints {{a.Address}} }
        upstream dead { endpoints http://127.0.0.1:{{dead.Port}} }

        route by-host {
          host api.test
          path /**
          to a
        }

        route by-path {
          path /b/**
          to b
        }

        route by-method {
          method POST
          path /m
          to c
        }

        route by-method-fallback {
          path /m
          to b
        }

        route by-header {
          path /h
          header x-version 2
          to c
        }

        route by-header-fallback {
          path /h
          to b
        }

        route by-query {
          path /q
          query v 2
          to c
        }

        route by-query-fallback {
          path /q
          to b
        }

        route traced {
          method GET TRACE
          path /traced
          to c
        }

        route hello {
          path /hello/{name}
          respond 200 "Hello, {name}!"
        }

        route empty {
          path /empty
          to empty
        }

        route dead {
          path /dead
          to dead
        }
        """;

    // Requests the upstreams have served, to show that the gateway answered one itself.
    private int ForwardedCount() => _a.Requests + _b.Requests + _c.Requests;

    private static void AssertProblem(RawHttpResponse response, int status)
    {
        Assert.Equal(status, response.Status);
        Assert.Equal(["application/problem+json"], response.Values("Content-Type"));
        using var json = JsonDocument.Parse(response.Body);
        Assert.Equal(status, json.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("detail").GetString()));
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(status, json.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("type").GetString()));
    }
}
