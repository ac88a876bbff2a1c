using System.Security.Claims;
using Gateway.Dsl.Collections;
using Gateway.Dsl.Model;
using Gateway.Pipeline;
using Gateway.Policies;
using Gateway.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Tests.Policies;

public sealed class RequirePolicyTests
{
    [Theory]
    [InlineData("orders.read orders.write", true)]
    [InlineData("orders.write orders.read admin", true)]
    [InlineData("orders.read", false)]
    [InlineData("orders.readx orders.write", false)]
    [InlineData("", false)]
    public async Task Holds_AllScopesFromSpaceSeparatedScope_NeedsEvery(string scope, bool holds)
    {
        var claims = await ClaimsOfAsync(new() { ["scope"] = scope });

        Assert.Equal(holds, RequirePolicy.Holds(claims, Scopes(all: true, "orders.read", "orders.write")));
    }

    [Fact]
    public async Task Holds_ScpArray_CountsEachElement()
    {
        var claims = await ClaimsOfAsync(new() { ["scp"] = TestTokens.Array("orders.read", "orders.write") });

        Assert.True(RequirePolicy.Holds(claims, Scopes(all: true, "orders.read", "orders.write")));
        Assert.False(RequirePolicy.Holds(claims, Scopes(all: true, "orders.read", "admin")));
    }

    [Fact]
    public async Task Holds_ScpString_SplitOnSpaces()
    {
        var claims = await ClaimsOfAsync(new() { ["scp"] = "orders.read orders.write" });

        Assert.True(RequirePolicy.Holds(claims, Scopes(all: true, "orders.write")));
    }

    [Theory]
    [InlineData("billing.read", true)]
    [InlineData("other billing.admin", true)]
    [InlineData("other", false)]
    public async Task Holds_AnyScope_NeedsOne(string scope, bool holds)
    {
        var claims = await ClaimsOfAsync(new() { ["scope"] = scope });

        Assert.Equal(holds, RequirePolicy.Holds(claims, Scopes(all: false, "billing.read", "billing.admin")));
    }

    [Fact]
    public async Task Holds_ClaimValue_OneOfTheListedValues()
    {
        var requirement = Claim("tenant", "acme", "globex");

        Assert.True(RequirePolicy.Holds(await ClaimsOfAsync(new() { ["tenant"] = "globex" }), requirement));
        Assert.False(RequirePolicy.Holds(await ClaimsOfAsync(new() { ["tenant"] = "initech" }), requirement));
        Assert.False(RequirePolicy.Holds(await ClaimsOfAsync(new() { ["tenant"] = "ACME" }), requirement));
        Assert.False(RequirePolicy.Holds(await ClaimsOfAsync(new() { ["other"] = "acme" }), requirement));
    }

    [Fact]
    public async Task Holds_ArrayClaim_CountsEachElement()
    {
        var claims = await ClaimsOfAsync(new() { ["roles"] = TestTokens.Array("reader", "admin") });

        Assert.True(RequirePolicy.Holds(claims, Claim("roles", "admin")));
        Assert.False(RequirePolicy.Holds(claims, Claim("roles", "owner")));
    }

    [Fact]
    public async Task Holds_NumberAndBooleanClaims_CompareAsJsonText()
    {
        var claims = await ClaimsOfAsync(new() { ["level"] = 42, ["admin"] = true });

        Assert.True(RequirePolicy.Holds(claims, Claim("level", "42")));
        Assert.True(RequirePolicy.Holds(claims, Claim("admin", "true")));
        Assert.False(RequirePolicy.Holds(claims, Claim("admin", "false")));
    }

    [Fact]
    public async Task ApplyAsync_ScopeMissing_Answers403WithScopeChallenge()
    {
        var context = await CreateContextAsync(new() { ["scope"] = "orders.read" });

        var result = await CreatePolicy(Claim("sub", "alice"), Scopes(all: true, "orders.read", "orders.write")).ApplyAsync(context);

        Assert.True(result.HasAnswered);
        Assert.Equal(403, context.Http.Response.StatusCode);
        Assert.Equal("Bearer error=\"insufficient_scope\", scope=\"orders.read orders.write\"", context.Http.Response.Headers.WWWAuthenticate.ToString());
        Assert.Equal(OutcomeReason.Forbidden, context.Outcome.Reason);
    }

    [Fact]
    public async Task ApplyAsync_ClaimMissing_Answers403WithoutScope()
    {
        var context = await CreateContextAsync(new() { ["scope"] = "orders.read" });

        var result = await CreatePolicy(Claim("tenant", "acme")).ApplyAsync(context);

        Assert.True(result.HasAnswered);
        Assert.Equal("Bearer error=\"insufficient_scope\"", context.Http.Response.Headers.WWWAuthenticate.ToString());
    }

    [Fact]
    public async Task ApplyAsync_EveryRequirementHolds_Continues()
    {
        var context = await CreateContextAsync(new() { ["scope"] = "orders.read", ["tenant"] = "acme" });

        var result = await CreatePolicy(Scopes(all: true, "orders.read"), Claim("tenant", "acme")).ApplyAsync(context);

        Assert.False(result.HasAnswered);
        Assert.Equal(OutcomeReason.Pending, context.Outcome.Reason);
    }

    private static RequirePolicy CreatePolicy(params ClaimRequirement[] requirements) =>
        new("test", requirements, NullLogger.Instance);

    private static ClaimRequirement Scopes(bool all, params string[] scopes) =>
        new() { Claim = "scope", Values = scopes.ToEquatableArray(), All = all, IsScope = true };

    private static ClaimRequirement Claim(string name, params string[] values) =>
        new() { Claim = name, Values = values.ToEquatableArray(), All = false, IsScope = false };

    private static async Task<RequestContext> CreateContextAsync(Dictionary<string, object> claims) =>
        new(new DefaultHttpContext(), snapshot: null) { Identity = new CallerIdentity(await ClaimsOfAsync(claims), null) };

    // The claims exactly as the jwt policy hands them on: a real token, validated with JWT claim names.
    private static async Task<ClaimsIdentity> ClaimsOfAsync(Dictionary<string, object> claims)
    {
        var token = TestTokens.Create(TestSigningKey.SharedRsa, claims);
        var result = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = TestTokens.Issuer,
            ValidAudience = TestTokens.Audience,
            IssuerSigningKey = TestSigningKey.SharedRsa.SecurityKey,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        return result.ClaimsIdentity;
    }
}
