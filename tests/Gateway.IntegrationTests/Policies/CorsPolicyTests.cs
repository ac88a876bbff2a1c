using System.Net;
using Gateway.IntegrationTests.Common;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Policies;

/// <summary>CORS end to end: preflights answered by the gateway and never forwarded, and CORS headers on the route's
/// other responses, whoever answered.</summary>
public sealed class CorsPolicyTests : IAsyncLifetime
{
    private const string App = "https://app.example.com";

    private EchoUpstream _upstream = null!;
    private ClosedPort _dead = null!;
    private GatewayHost _gateway = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _upstream = await EchoUpstream.StartAsync("u");
        _dead = ClosedPort.Reserve();
        _gateway = await GatewayHost.StartAsync($$"""
            upstream u { endpoints {{_upstream.Address}} }
            upstream dead { endpoints http://127.0.0.1:{{_dead.Port}} }

            route api {
              path /api/**
              cors {
                origins https://app.example.com https://*.example.org
                methods GET POST PUT
                headers Content-Type X-Token
                expose X-Upstream X-Request-Id
                credentials
                max-age 10m
              }
              to u
            }

            route public {
              method GET
              path /public/**
              cors {
                origins *
              }
              to u
            }

            route plain {
              path /plain/**
              to u
            }

            route answer {
              path /answer
              cors {
                origins https://app.example.com
              }
              response-header set X-Answer yes
              respond 200 "ok"
            }

            route down {
              path /down
              cors {
                origins https://app.example.com
              }
              to dead
            }
            """);
        _client = _gateway.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
        _dead.Dispose();
    }

    [Fact]
    public async Task AnswerPreflightAsync_AllowedPreflight_Answers204WithEveryAllowHeaderAndDoesNotForward()
    {
        var before = _upstream.Requests;

        using var response = await PreflightAsync("/api/orders", App, "PUT", "content-type, x-token");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(App, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("GET, POST, PUT", Header(response, "Access-Control-Allow-Methods"));
        Assert.Equal("content-type, x-token", Header(response, "Access-Control-Allow-Headers"));
        Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
        Assert.Equal("600", Header(response, "Access-Control-Max-Age"));
        Assert.Equal(["Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"], response.Headers.Vary);
        Assert.Equal(before, _upstream.Requests);
    }

    [Fact]
    public async Task AnswerPreflightAsync_RouteNamesOnlyGet_Answers204ByTheRequestedMethodsRoute()
    {
        var before = _upstream.Requests;

        // OPTIONS alone matches no route here: 'public' names only GET.
        using var response = await PreflightAsync("/public/feed", "https://anyone.test", "GET", requestHeaders: null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("GET, HEAD, POST", Header(response, "Access-Control-Allow-Methods"));
        Assert.Null(Header(response, "Access-Control-Allow-Credentials"));
        Assert.Null(Header(response, "Access-Control-Max-Age"));
        Assert.Null(Header(response, "Access-Control-Allow-Headers"));
        Assert.Equal(before, _upstream.Requests);
    }

    [Fact]
    public async Task AnswerPreflightAsync_RequestedMethodMatchesNoRoute_Returns404()
    {
        var before = _upstream.Requests;

        using var response = await PreflightAsync("/public/feed", "https://anyone.test", "DELETE", requestHeaders: null);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(before, _upstream.Requests);
    }

    [Theory]
    [InlineData("https://evil.test")]
    [InlineData("http://app.example.com")]
    [InlineData("https://app.example.com:8443")]
    [InlineData("https://example.org")]
    public async Task AnswerPreflightAsync_OriginNotAllowed_Returns403WithoutCorsHeadersAndLogsDebug(string origin)
    {
        var before = _upstream.Requests;

        using var response = await PreflightAsync("/api/orders", origin, "GET", requestHeaders: null);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        AssertNoCorsHeaders(response);
        Assert.Equal(before, _upstream.Requests);
        var entry = Assert.Single(_gateway.Logs.Entries, e => e.EventId.Id == Gateway.Logging.EventIds.CorsPreflightRejected && e.Message.Contains(origin + "'"));
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.Contains("route api refused: origin", entry.Message);
    }

    [Theory]
    [InlineData("https://a.example.org")]
    [InlineData("https://a.b.example.org")]
    [InlineData("HTTPS://A.Example.ORG")]
    public async Task AnswerPreflightAsync_SubdomainOfWildcard_ReflectsOrigin(string origin)
    {
        using var response = await PreflightAsync("/api/orders", origin, "POST", requestHeaders: null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(origin, Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task AnswerPreflightAsync_MethodNotAllowed_Returns403WithoutCorsHeaders()
    {
        var before = _upstream.Requests;

        using var response = await PreflightAsync("/api/orders", App, "DELETE", requestHeaders: null);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        AssertNoCorsHeaders(response);
        Assert.Equal(before, _upstream.Requests);
    }

    [Fact]
    public async Task AnswerPreflightAsync_HeaderNotAllowed_Returns403WithoutCorsHeaders()
    {
        var before = _upstream.Requests;

        using var response = await PreflightAsync("/api/orders", App, "POST", "x-token, x-other");

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        AssertNoCorsHeaders(response);
        Assert.Equal(before, _upstream.Requests);
    }

    [Fact]
    public async Task AnswerPreflightAsync_SafelistedHeaderNotListed_Answers204NamingIt()
    {
        using var response = await PreflightAsync("/api/orders", App, "POST", "accept-language,X-Token");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("accept-language,X-Token", Header(response, "Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task AnswerPreflightAsync_RouteWithResponseHeaderEdits_EditsApplyToThePreflight()
    {
        using var response = await PreflightAsync("/answer", App, "GET", requestHeaders: null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(App, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("yes", Header(response, "X-Answer"));
    }

    [Fact]
    public async Task InvokeAsync_PreflightToRouteWithoutCors_ForwardsItToTheUpstream()
    {
        // Without cors on the route, CORS is the upstream's business.
        using var response = await PreflightAsync("/plain/x", App, "GET", requestHeaders: null);
        var echo = await EchoReply.ReadAsync(response);

        Assert.Equal("OPTIONS", echo.Method);
        Assert.Equal("GET", echo.Headers["access-control-request-method"]);
    }

    [Fact]
    public async Task ApplyAsync_OptionsWithoutRequestMethod_IsForwardedAsAnActualRequest()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/x");
        request.Headers.Add("Origin", App);

        using var response = await _client.SendAsync(request);
        var echo = await EchoReply.ReadAsync(response);

        Assert.Equal("OPTIONS", echo.Method);
        Assert.Equal(App, Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Apply_AllowedOriginOnUpstreamAnswer_AddsCorsHeaders()
    {
        using var response = await GetAsync("/api/orders/1", App);
        var echo = await EchoReply.ReadAsync(response);

        Assert.Equal(App, echo.Headers["origin"]);
        Assert.Equal(App, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
        Assert.Equal("x-upstream, x-request-id", Header(response, "Access-Control-Expose-Headers"));
        Assert.Equal(["Origin"], response.Headers.Vary);
        Assert.Null(Header(response, "Access-Control-Allow-Methods"));
        Assert.Null(Header(response, "Access-Control-Max-Age"));
    }

    [Fact]
    public async Task Apply_StarOriginsWithoutCredentials_AnswersStar()
    {
        using var response = await GetAsync("/public/feed", "https://anyone.test");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Null(Header(response, "Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Apply_OriginNotAllowed_ForwardsWithoutCorsHeaders()
    {
        var before = _upstream.Requests;

        using var response = await GetAsync("/api/orders/1", "https://evil.test");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, _upstream.Requests);
        AssertNoCorsHeaders(response);
        Assert.Equal(["Origin"], response.Headers.Vary);
    }

    [Fact]
    public async Task Apply_NoOrigin_AddsOnlyVary()
    {
        using var response = await GetAsync("/api/orders/1", origin: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertNoCorsHeaders(response);
        Assert.Equal(["Origin"], response.Headers.Vary);
    }

    [Theory]
    [InlineData("https://evil.test", null)]
    [InlineData(App, App)]
    public async Task Apply_UpstreamSetsCorsHeaders_GatewayAnswerReplacesThem(string origin, string? expected)
    {
        using var response = await GetAsync(
            "/api/x?respond-header=Access-Control-Allow-Origin:*&respond-header=Access-Control-Allow-Methods:DELETE"
            + "&respond-header=Access-Control-Expose-Headers:X-Secret", origin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, Header(response, "Access-Control-Allow-Origin"));
        Assert.Null(Header(response, "Access-Control-Allow-Methods"));
        Assert.DoesNotContain("X-Secret", Header(response, "Access-Control-Expose-Headers") ?? string.Empty);
    }

    [Fact]
    public async Task Apply_UpstreamVary_KeepsItAndAddsOrigin()
    {
        using var response = await GetAsync("/api/x?respond-header=Vary:Accept-Encoding", App);

        Assert.Equal(["Accept-Encoding", "Origin"], response.Headers.Vary);
    }

    [Fact]
    public async Task Apply_RespondRoute_AddsCorsHeadersAndEdits()
    {
        using var response = await GetAsync("/answer", App);

        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        Assert.Equal(App, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("yes", Header(response, "X-Answer"));
    }

    [Fact]
    public async Task Apply_GatewayBadGateway_CarriesCorsHeaders()
    {
        // A script must be able to read the gateway's own errors, or it sees only an opaque network failure.
        using var response = await GetAsync("/down", App);

        await AssertProblemAsync(response, HttpStatusCode.BadGateway);
        Assert.Equal(App, Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Apply_NoRoute_HasNoCorsHeaders()
    {
        using var response = await GetAsync("/nowhere", App);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
        AssertNoCorsHeaders(response);
    }

    private async Task<HttpResponseMessage> PreflightAsync(string path, string origin, string method, string? requestHeaders)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        if (requestHeaders is not null)
        {
            request.Headers.TryAddWithoutValidation("Access-Control-Request-Headers", requestHeaders);
        }

        return await _client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await _client.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    private static void AssertNoCorsHeaders(HttpResponseMessage response) =>
        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"status\":{(int)status}", await response.Content.ReadAsStringAsync());
    }
}
