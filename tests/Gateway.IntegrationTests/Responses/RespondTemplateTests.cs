using System.Net;
using Gateway.IntegrationTests.Common;

namespace Gateway.IntegrationTests.Responses;

/// <summary><c>respond</c> routes end to end: status, content type, body with captures, and the route's response-header
/// edits, which have the last word as they do on forwarded responses.</summary>
public sealed class RespondTemplateTests : IAsyncLifetime
{
    private GatewayHost _gateway = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _gateway = await GatewayHost.StartAsync("""
            route health {
              path /healthz
              respond 200 "{{\"ok\":true}}" application/json
            }

            route teapot {
              path /tea/{kind}
              respond 418 "no {kind} here"
            }

            route edited {
              path /edited
              response-header set X-Frame-Options DENY
              response-header add Cache-Control no-store
              response-header set Content-Type "text/csv; charset=utf-8"
              respond 200 "a,b"
            }

            route stripped {
              path /stripped
              response-header remove X-Content-Type-Options
              respond 200 "plain"
            }

            route empty {
              path /empty
              response-header set X-Kind empty
              respond 204
            }
            """);
        _client = _gateway.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _gateway.DisposeAsync();
    }

    [Fact]
    public async Task WriteAsync_ContentType_AnswersBodyWithIt()
    {
        using var response = await _client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("""{"ok":true}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(11, response.Content.Headers.ContentLength);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
    }

    [Fact]
    public async Task WriteAsync_StatusAndCapture_AnswersThem()
    {
        using var response = await _client.GetAsync("/tea/green%20tea");

        Assert.Equal(418, (int)response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("no green tea here", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WriteAsync_ResponseHeaderEdits_HaveTheLastWord()
    {
        using var response = await _client.GetAsync("/edited");

        Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
        Assert.Equal(["no-store"], response.Headers.GetValues("Cache-Control"));
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("a,b", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WriteAsync_RemoveEditOfTheGatewaysHeader_RemovesIt()
    {
        using var response = await _client.GetAsync("/stripped");

        Assert.Equal("plain", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains("X-Content-Type-Options"));
    }

    [Fact]
    public async Task WriteAsync_NoBodyStatus_AppliesEditsAndWritesNothing()
    {
        using var response = await _client.GetAsync("/empty");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(["empty"], response.Headers.GetValues("X-Kind"));
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
    }
}
