using System.Net;
using Gateway.IntegrationTests.Common;

namespace Gateway.IntegrationTests.Policies;

/// <summary>Policy groups and file defaults end to end: a top-level <c>use</c> reaches every route, a route's
/// <c>use</c> adds or replaces, its own directives come last, and <c>KEYWORD off</c> switches a default off.</summary>
public sealed class PolicyFactoryTests : IAsyncLifetime
{
    private EchoUpstream _upstream = null!;
    private GatewayHost _gateway = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _upstream = await EchoUpstream.StartAsync("u");
        _gateway = await GatewayHost.StartAsync($$"""
            use baseline

            policy baseline {
              response-header set X-Frame-Options DENY
              request-header add X-Layers file
              cors {
                origins https://app.example.com
              }
            }

            policy partner {
              request-header add X-Layers group
              response-header set X-Group partner
              cors {
                origins https://partner.example.com
              }
            }

            policy internal-host {
              host-header group.internal
            }

            upstream u { endpoints {{_upstream.Address}} }

            route plain {
              path /plain
              to u
            }

            route grouped {
              path /grouped
              use partner
              request-header add X-Layers route
              to u
            }

            route no-cors {
              path /no-cors
              cors off
              to u
            }

            route group-host {
              path /group-host
              use internal-host
              to u
            }

            route route-host {
              path /route-host
              use internal-host
              host-header route.internal
              to u
            }

            route answer {
              path /answer
              respond 200 "ok"
            }
            """);
        _client = _gateway.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task Build_FileDefaults_ApplyToARouteWithoutUse()
    {
        using var response = await GetAsync("/plain", "https://app.example.com");
        var echo = await EchoReply.ReadAsync(response);

        Assert.Equal("file", echo.Headers["x-layers"]);
        Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
        Assert.Equal(["https://app.example.com"], response.Headers.GetValues("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Build_FileDefaults_ApplyToRespondRoutes()
    {
        using var response = await GetAsync("/answer", "https://app.example.com");

        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
        Assert.Equal(["https://app.example.com"], response.Headers.GetValues("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Build_RouteUse_ListsAddUpInLayerOrderAndSlotsReplace()
    {
        using var fromPartner = await GetAsync("/grouped", "https://partner.example.com");
        var echo = await EchoReply.ReadAsync(fromPartner);
        using var fromApp = await GetAsync("/grouped", "https://app.example.com");

        Assert.Equal("file, group, route", echo.Headers["x-layers"]);
        Assert.Equal(["partner"], fromPartner.Headers.GetValues("X-Group"));
        Assert.Equal(["DENY"], fromPartner.Headers.GetValues("X-Frame-Options"));
        Assert.Equal(["https://partner.example.com"], fromPartner.Headers.GetValues("Access-Control-Allow-Origin"));

        // The group's cors replaced the file's: the file's origin is no longer allowed here.
        Assert.Equal(HttpStatusCode.OK, fromApp.StatusCode);
        Assert.False(fromApp.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Build_KeywordOff_SwitchesTheFileDefaultOff()
    {
        using var response = await GetAsync("/no-cors", "https://app.example.com");
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/no-cors");
        preflight.Headers.Add("Origin", "https://app.example.com");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        using var preflightResponse = await _client.SendAsync(preflight);
        var echo = await EchoReply.ReadAsync(preflightResponse);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));

        // Without cors the preflight is the upstream's to answer.
        Assert.Equal("OPTIONS", echo.Method);
    }

    [Fact]
    public async Task Build_GroupHostHeader_AppliesToTheRoute()
    {
        using var response = await GetAsync("/group-host", origin: null);
        var echo = await EchoReply.ReadAsync(response);

        Assert.Equal("group.internal", echo.Headers["host"]);
    }

    [Fact]
    public async Task Build_RouteHostHeader_ReplacesTheGroups()
    {
        using var response = await GetAsync("/route-host", origin: null);
        var echo = await EchoReply.ReadAsync(response);

        Assert.Equal("route.internal", echo.Headers["host"]);
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
}
