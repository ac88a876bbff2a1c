using System.Net;
using System.Text.Json;
using Gateway.IntegrationTests.Common;

namespace Gateway.IntegrationTests.Plugins;

/// <summary><c>plugin tenant-tag</c> through the real gateway: what the upstream sees, and what never reaches it.</summary>
public sealed class TenantTagPolicyTests
{
    [Fact]
    public async Task ApplyAsync_TenantFromClientOrFallback_UpstreamSeesIt()
    {
        await using var upstream = await EchoUpstream.StartAsync("u");
        await using var gateway = await CreateGatewayAsync(upstream);
        using var client = gateway.CreateClient();
        using var tagged = new HttpRequestMessage(HttpMethod.Get, "/open/x");
        tagged.Headers.Add("X-Tenant", "globex");
        tagged.Headers.Add("X-Tenant-Id", "forged");

        var fromClient = await EchoReply.ReadAsync(await client.SendAsync(tagged));
        var fromFallback = await EchoReply.ReadAsync(await client.GetAsync("/open/y"));

        Assert.Equal("globex", fromClient.Headers["x-tenant-id"]);
        Assert.Equal("acme", fromFallback.Headers["x-tenant-id"]);
    }

    [Fact]
    public async Task ApplyAsync_RequiredTenantMissing_400AndUpstreamNeverAsked()
    {
        await using var upstream = await EchoUpstream.StartAsync("u");
        await using var gateway = await CreateGatewayAsync(upstream);
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync("/strict/x");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("The request names no tenant; send it in the X-Tenant header.", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(0, upstream.Requests);
    }

    [Fact]
    public async Task ApplyAsync_RequiredTenantSent_ForwardedInTheRoutesOwnHeader()
    {
        await using var upstream = await EchoUpstream.StartAsync("u");
        await using var gateway = await CreateGatewayAsync(upstream);
        using var client = gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/strict/x");
        request.Headers.Add("X-Tenant", "initech");

        var echo = await EchoReply.ReadAsync(await client.SendAsync(request));

        Assert.Equal("initech", echo.Headers["x-org"]);
        Assert.Equal(1, upstream.Requests);
    }

    [Fact]
    public async Task ApplyAsync_MalformedTenant_400AndDebugLogOnly()
    {
        await using var upstream = await EchoUpstream.StartAsync("u");
        await using var gateway = await CreateGatewayAsync(upstream);
        using var client = gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/open/x");
        request.Headers.Add("X-Tenant", "../etc");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, upstream.Requests);

        // A client's mistake is never a warning or an error in the gateway's log.
        Assert.DoesNotContain(gateway.Logs.Entries, entry => entry.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    private static Task<GatewayHost> CreateGatewayAsync(EchoUpstream upstream) => GatewayHost.StartAsync($$"""
        upstream u { endpoints {{upstream.Address}} }

        route open {
          path /open/**
          plugin tenant-tag X-Tenant acme
          to u
        }

        route strict {
          path /strict/**
          plugin tenant-tag X-Tenant "" true X-Org
          to u
        }
        """);
}
