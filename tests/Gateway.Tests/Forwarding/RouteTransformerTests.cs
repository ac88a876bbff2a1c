using System.Net;
using Gateway.Forwarding;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests.Forwarding;

public sealed class RouteTransformerTests
{
    [Fact]
    public async Task TransformRequestAsync_ConnectionNamesHeaders_RemovesThem()
    {
        var context = CreateContext();
        context.Request.Headers.Connection = "keep-alive, X-Hop, x-other";
        context.Request.Headers["X-Hop"] = "secret";
        context.Request.Headers["X-Other"] = "secret";
        context.Request.Headers["X-Kept"] = "yes";
        var proxyRequest = new HttpRequestMessage();

        await RouteTransformer.Unchanged.TransformRequestAsync(context, proxyRequest, "http://upstream:1", CancellationToken.None);

        Assert.False(proxyRequest.Headers.Contains("X-Hop"));
        Assert.False(proxyRequest.Headers.Contains("X-Other"));
        Assert.False(proxyRequest.Headers.Contains("Connection"));
        Assert.Equal(["yes"], proxyRequest.Headers.GetValues("X-Kept"));
    }

    [Fact]
    public async Task TransformRequestAsync_ExistingForwardedFor_AppendsClientAddress()
    {
        var context = CreateContext();
        context.Request.Headers[ForwardedHeaderNames.For] = "203.0.113.7";
        var proxyRequest = new HttpRequestMessage();

        await RouteTransformer.Unchanged.TransformRequestAsync(context, proxyRequest, "http://upstream:1", CancellationToken.None);

        Assert.Equal(["203.0.113.7, 10.1.2.3"], proxyRequest.Headers.GetValues(ForwardedHeaderNames.For));
        Assert.Equal(["http"], proxyRequest.Headers.GetValues(ForwardedHeaderNames.Proto));
        Assert.Equal(["api.example.com:8080"], proxyRequest.Headers.GetValues(ForwardedHeaderNames.Host));
        Assert.Equal("api.example.com:8080", proxyRequest.Headers.Host);
    }

    [Fact]
    public async Task TransformRequestAsync_UpstreamConnectTimeout_TravelsInTheRequestOptions()
    {
        var transformer = new RouteTransformer(Dsl.Model.HostHeader.Client, path: null, TimeSpan.FromMilliseconds(200));
        var proxyRequest = new HttpRequestMessage();

        await transformer.TransformRequestAsync(CreateContext(), proxyRequest, "http://upstream:1", CancellationToken.None);

        Assert.True(proxyRequest.Options.TryGetValue(ForwarderClient.ConnectTimeoutOption, out var timeout));
        Assert.Equal(TimeSpan.FromMilliseconds(200), timeout);
    }

    [Fact]
    public async Task TransformRequestAsync_NoConnectTimeout_LeavesTheDefaultToTheClient()
    {
        var proxyRequest = new HttpRequestMessage();
        using var client = new ForwarderClient(TimeSpan.FromSeconds(5));

        await RouteTransformer.Unchanged.TransformRequestAsync(CreateContext(), proxyRequest, "http://upstream:1", CancellationToken.None);

        Assert.False(proxyRequest.Options.TryGetValue(ForwarderClient.ConnectTimeoutOption, out _));
        Assert.Equal(TimeSpan.FromSeconds(5), client.ConnectTimeoutFor(proxyRequest));
    }

    [Fact]
    public async Task TransformRequestAsync_MalformedConnectionToken_IsSkipped()
    {
        var context = CreateContext();
        context.Request.Headers.Connection = "bad name, (x)";
        var proxyRequest = new HttpRequestMessage();

        await RouteTransformer.Unchanged.TransformRequestAsync(context, proxyRequest, "http://upstream:1", CancellationToken.None);

        Assert.False(proxyRequest.Headers.Contains("Connection"));
    }

    [Theory]
    [InlineData(null, "10.0.0.1", "10.0.0.1")]
    [InlineData("", "10.0.0.1", "10.0.0.1")]
    [InlineData("1.1.1.1", "10.0.0.1", "1.1.1.1, 10.0.0.1")]
    [InlineData("1.1.1.1", null, "1.1.1.1")]
    [InlineData(null, "::ffff:10.0.0.1", "10.0.0.1")]
    [InlineData(null, "::1", "::1")]
    public void ForwardedFor_Cases_AppendsNormalizedAddress(string? existing, string? client, string expected)
    {
        Assert.Equal(expected, RouteTransformer.ForwardedFor(existing, client is null ? null : IPAddress.Parse(client)));
    }

    private static DefaultHttpContext CreateContext()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("api.example.com:8080");
        context.Request.Path = "/users/1";
        context.Connection.RemoteIpAddress = IPAddress.Parse("10.1.2.3");
        return context;
    }
}
