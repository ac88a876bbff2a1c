using System.Net;
using Gateway.Testing;

namespace Gateway.IntegrationTests.Policies;

/// <summary><c>require</c> through the real gateway, after <c>jwt</c> has validated a real token.</summary>
public sealed class RequirePolicyTests(JwtGatewayFixture fixture) : IClassFixture<JwtGatewayFixture>
{
    public static TheoryData<string, object, HttpStatusCode> Cases => new()
    {
        { "/scoped/x", "orders.read orders.write", HttpStatusCode.OK },
        { "/scoped/x", "orders.read", HttpStatusCode.Forbidden },
        { "/scoped/x", TestTokens.Array("orders.write", "orders.read"), HttpStatusCode.OK },
        { "/any-scope/x", "other billing.admin", HttpStatusCode.OK },
        { "/any-scope/x", "billing.write", HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task SendAsync_Scopes_AllowedOrForbidden(string path, object scopes, HttpStatusCode expected)
    {
        // A string goes in 'scope' (space-separated), an array in 'scp'.
        var claim = scopes is string ? "scope" : "scp";
        var before = fixture.Upstream.Requests;

        using var response = await fixture.GetAsync(path, TestTokens.Create(TestSigningKey.SharedRsa, new Dictionary<string, object> { [claim] = scopes }));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(before + (expected == HttpStatusCode.OK ? 1 : 0), fixture.Upstream.Requests);
    }

    [Fact]
    public async Task SendAsync_ScopeMissing_403WithScopeChallenge()
    {
        var token = TestTokens.Create(TestSigningKey.SharedRsa, new Dictionary<string, object> { ["scope"] = "orders.write" });

        using var response = await fixture.GetAsync("/scoped/x", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Bearer error=\"insufficient_scope\", scope=\"orders.read orders.write\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("acme", HttpStatusCode.OK)]
    [InlineData("globex", HttpStatusCode.OK)]
    [InlineData("initech", HttpStatusCode.Forbidden)]
    public async Task SendAsync_ClaimValue_AllowedOrForbidden(string tenant, HttpStatusCode expected)
    {
        using var response = await fixture.GetAsync("/claim/x", TestTokens.Create(TestSigningKey.SharedEc, new Dictionary<string, object> { ["tenant"] = tenant }));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
        {
            Assert.Equal("Bearer error=\"insufficient_scope\"", response.Headers.WwwAuthenticate.ToString());
        }
    }

    [Fact]
    public async Task SendAsync_ArrayClaimWithOneListedValue_Allowed()
    {
        var token = TestTokens.Create(TestSigningKey.SharedRsa, new Dictionary<string, object> { ["tenant"] = TestTokens.Array("initech", "globex") });

        using var response = await fixture.GetAsync("/claim/x", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SendAsync_InvalidTokenOnRequireRoute_401NotForbidden()
    {
        var token = TestTokens.Create(TestSigningKey.SharedRsa, new Dictionary<string, object> { ["scope"] = "orders.read orders.write" }, d => d.Audience = "other-api");

        using var response = await fixture.GetAsync("/scoped/x", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
