using System.Net;
using Gateway.IntegrationTests.Common;

namespace Gateway.IntegrationTests.Admin;

/// <summary>Health endpoints answer on the admin listener only.</summary>
public sealed class AdminHandlerTests
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task InvokeAsync_AdminPort_Returns200(string path)
    {
        await using var gateway = await CreateGatewayAsync();
        using var client = new HttpClient { BaseAddress = gateway.AdminUri };

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task InvokeAsync_PublicPort_IsRoutedNotAnswered(string path)
    {
        await using var gateway = await CreateGatewayAsync();
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync(path);

        // The route table has no route for these paths, so the public listener answers 404 like any unknown path.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task InvokeAsync_PublicRoute_NotServedOnAdminPort()
    {
        await using var gateway = await CreateGatewayAsync();
        using var admin = new HttpClient { BaseAddress = gateway.AdminUri };
        using var client = gateway.CreateClient();

        using var onPublic = await client.GetAsync("/ping");
        using var onAdmin = await admin.GetAsync("/ping");

        Assert.Equal(HttpStatusCode.OK, onPublic.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, onAdmin.StatusCode);
    }

    private static Task<GatewayHost> CreateGatewayAsync() => GatewayHost.StartAsync("""
        route ping {
          path /ping
          respond 200 "pong"
        }
        """);
}
