using System.Net;
using Gateway.IntegrationTests.Common;
using Gateway.Testing;

namespace Gateway.IntegrationTests.Policies;

/// <summary><c>forward claim sub as X-User-Id</c> through the real gateway, after <c>jwt</c>.</summary>
public sealed class IdentityHeaderPolicyTests(JwtGatewayFixture fixture) : IClassFixture<JwtGatewayFixture>
{
    [Fact]
    public async Task SendAsync_ForwardClaim_UpstreamSeesTheClaimNotTheClientsCopy()
    {
        var token = TestTokens.Create(TestSigningKey.SharedRsa, edit: d => d.Claims["sub"] = "alice");

        using var response = await fixture.GetAsync("/forward/x", token, ("X-User-Id", "admin"));
        var echo = await EchoReply.ReadAsync(response);

        Assert.Equal("alice", echo.Headers["x-user-id"]);
    }

    [Fact]
    public async Task SendAsync_TokenWithoutTheClaim_ClientsCopyRemovedAndNoneSet()
    {
        var token = TestTokens.Create(TestSigningKey.SharedRsa, edit: d => d.Claims.Remove("sub"));

        using var response = await fixture.GetAsync("/forward/x", token, ("X-User-Id", "admin"));
        var echo = await EchoReply.ReadAsync(response);

        Assert.False(echo.Headers.ContainsKey("x-user-id"));
    }

    [Fact]
    public async Task SendAsync_ForwardRouteWithoutToken_401AndUpstreamNotReached()
    {
        var before = fixture.Upstream.Requests;

        using var response = await fixture.GetAsync("/forward/x", null, ("X-User-Id", "admin"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, fixture.Upstream.Requests);
    }
}
