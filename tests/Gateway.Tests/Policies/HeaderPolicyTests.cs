using System.Security.Claims;
using Gateway.Pipeline;
using Gateway.Tests.Common;

namespace Gateway.Tests.Policies;

/// <summary>Header edits and identity headers applied by a route's chain and response policies.</summary>
public sealed class HeaderPolicyTests
{
    [Fact]
    public async Task RunAsync_RequestHeaderEdits_ApplyInOrder()
    {
        var context = RoutedRequest.Create(
            "use base\npolicy base {\n  request-header set X-A file\n}\nroute r {\n  path /\n  request-header add X-A route\n  request-header remove X-B\n  request-header set X-C \"one two\"\n  respond 200\n}\n",
            "GET", "/");
        context.Http.Request.Headers["X-B"] = "client";
        context.Http.Request.Headers["X-A"] = "client";

        Assert.True(await context.Route!.Policies.RunAsync(context));

        Assert.Equal("file,route", context.Http.Request.Headers["X-A"].ToString());
        Assert.False(context.Http.Request.Headers.ContainsKey("X-B"));
        Assert.Equal("one two", context.Http.Request.Headers["X-C"].ToString());
    }

    [Fact]
    public void ApplyResponsePolicies_ResponseHeaderEdits_ChangeResponse()
    {
        var context = RoutedRequest.Create("route r {\n  path /\n  response-header set X-Frame-Options DENY\n  response-header remove Server\n  respond 200\n}\n", "GET", "/");
        context.Http.Response.Headers.Server = "upstream";

        context.Route!.ApplyResponsePolicies(context);

        Assert.Equal("DENY", context.Http.Response.Headers["X-Frame-Options"].ToString());
        Assert.False(context.Http.Response.Headers.ContainsKey("Server"));
    }

    [Fact]
    public async Task ApplyAsync_IdentityHeader_ReplacesClientCopyOrRemovesIt()
    {
        const string Routes = "route r {\n  path /\n  jwt off\n  respond 200\n}\n";
        var policy = new Gateway.Policies.IdentityHeaderPolicy([new Gateway.Dsl.Model.IdentityHeader { Claim = "sub", Header = "X-User" }]);
        var withIdentity = RoutedRequest.Create(Routes, "GET", "/");
        withIdentity.Http.Request.Headers["X-User"] = "forged";
        withIdentity.Identity = new CallerIdentity(new ClaimsIdentity([new Claim("sub", "alice")]), consumer: null);
        var without = RoutedRequest.Create(Routes, "GET", "/");
        without.Http.Request.Headers["X-User"] = "forged";

        await policy.ApplyAsync(withIdentity);
        await policy.ApplyAsync(without);

        Assert.Equal("alice", withIdentity.Http.Request.Headers["X-User"].ToString());
        Assert.False(without.Http.Request.Headers.ContainsKey("X-User"));
    }

    [Theory]
    [InlineData("a\r\nX-Admin: true")]
    [InlineData("line\nbreak")]
    [InlineData("José")]
    [InlineData("nul\0")]
    public async Task ApplyAsync_ClaimThatCannotBeOneHeaderLine_IsNotSent(string claim)
    {
        var policy = new Gateway.Policies.IdentityHeaderPolicy([new Gateway.Dsl.Model.IdentityHeader { Claim = "name", Header = "X-User-Name" }]);
        var context = RoutedRequest.Create("route r {\n  path /\n  respond 200\n}\n", "GET", "/");
        context.Http.Request.Headers["X-User-Name"] = "forged";
        context.Identity = new CallerIdentity(new ClaimsIdentity([new Claim("name", claim)]), consumer: null);

        await policy.ApplyAsync(context);

        Assert.False(context.Http.Request.Headers.ContainsKey("X-User-Name"));
    }
}
