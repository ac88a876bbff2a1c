using Gateway.Pipeline;
using Gateway.Plugins;
using Gateway.Policies;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests.Plugins;

/// <summary>The example plugin: the tenant from the client's header or the fallback, passed upstream in a header the
/// client cannot forge; 400 for a bad or (when required) missing tenant.</summary>
public sealed class TenantTagPolicyTests
{
    [Fact]
    public async Task ApplyAsync_ClientSendsTenant_UpstreamHeaderSet()
    {
        var (policy, context) = Create(("X-Tenant", "globex"));

        var result = await policy.ApplyAsync(context);

        Assert.False(result.HasAnswered);
        Assert.Equal("globex", context.Http.Request.Headers["X-Tenant-Id"].ToString());
    }

    [Fact]
    public async Task ApplyAsync_NoHeader_FallbackUsed()
    {
        var (policy, context) = Create();

        await policy.ApplyAsync(context);

        Assert.Equal("acme", context.Http.Request.Headers["X-Tenant-Id"].ToString());
    }

    [Fact]
    public async Task ApplyAsync_EmptyHeader_FallbackUsed()
    {
        var (policy, context) = Create(("X-Tenant", ""));

        var result = await policy.ApplyAsync(context);

        Assert.False(result.HasAnswered);
        Assert.Equal("acme", context.Http.Request.Headers["X-Tenant-Id"].ToString());
    }

    [Fact]
    public async Task ApplyAsync_ForgedUpstreamHeaderAndNoTenant_HeaderRemoved()
    {
        var policy = new TenantTagPolicy("X-Tenant");
        var context = Context(("X-Tenant-Id", "root"));

        var result = await policy.ApplyAsync(context);

        Assert.False(result.HasAnswered);
        Assert.False(context.Http.Request.Headers.ContainsKey("X-Tenant-Id"));
    }

    [Fact]
    public async Task ApplyAsync_ForgedUpstreamHeaderAndTenant_ClientValueReplaced()
    {
        var (policy, context) = Create(("X-Tenant", "globex"), ("X-Tenant-Id", "root"));

        await policy.ApplyAsync(context);

        Assert.Equal("globex", Assert.Single(context.Http.Request.Headers["X-Tenant-Id"]));
    }

    [Fact]
    public async Task ApplyAsync_RequiredAndMissing_Answers400()
    {
        var policy = new TenantTagPolicy("X-Tenant", required: true);
        var context = Context();

        var result = await policy.ApplyAsync(context);

        Assert.True(result.HasAnswered);
        Assert.Equal(400, context.Http.Response.StatusCode);
        Assert.Equal(new RequestOutcome(Answerer.Gateway, 400, OutcomeReason.PluginAnswered), context.Outcome);
    }

    [Theory]
    [InlineData("two words")]
    [InlineData("a,b")]
    [InlineData("t0000000001111111111222222222233333333334444444444555555555566666")]
    public async Task ApplyAsync_MalformedTenant_Answers400(string tenant)
    {
        var (policy, context) = Create(("X-Tenant", tenant));

        var result = await policy.ApplyAsync(context);

        Assert.True(result.HasAnswered);
        Assert.Equal(400, context.Http.Response.StatusCode);
    }

    [Fact]
    public async Task ApplyAsync_TenantSentTwice_Answers400()
    {
        var (policy, context) = Create();
        context.Http.Request.Headers.Append("X-Tenant", "a");
        context.Http.Request.Headers.Append("X-Tenant", "b");

        var result = await policy.ApplyAsync(context);

        Assert.True(result.HasAnswered);
    }

    [Fact]
    public async Task ApplyAsync_OwnUpstreamHeader_TenantThere()
    {
        var policy = new TenantTagPolicy("X-Tenant", "acme", upstreamHeader: "X-Org");
        var context = Context();

        await policy.ApplyAsync(context);

        Assert.Equal("acme", context.Http.Request.Headers["X-Org"].ToString());
        Assert.False(context.Http.Request.Headers.ContainsKey("X-Tenant-Id"));
    }

    private static (IRequestPolicy Policy, RequestContext Context) Create(params (string Name, string Value)[] headers) =>
        (new TenantTagPolicy("X-Tenant", "acme"), Context(headers));

    private static RequestContext Context(params (string Name, string Value)[] headers)
    {
        var http = new DefaultHttpContext();
        foreach (var (name, value) in headers)
        {
            http.Request.Headers.Append(name, value);
        }

        return new RequestContext(http, snapshot: null);
    }
}
