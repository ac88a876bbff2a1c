using Gateway.Routing;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests.Routing;

public sealed class RouteRequestTests
{
    [Fact]
    public void WithMethod_RequestView_ReplacesOnlyTheMethod()
    {
        var http = CreateRequest();

        var request = RouteRequest.From(http).WithMethod("GET");

        Assert.Equal("GET", request.Method.ToString());
        Assert.Equal("/orders/1", request.Path.ToString());
        Assert.Equal("api.example.com:8443", request.Host.ToString());
        Assert.Equal("?x=1", request.Query.ToString());
        Assert.Same(http.Headers, request.Headers);
    }

    [Fact]
    public void WithMethod_SpanView_ReplacesOnlyTheMethod()
    {
        var request = new RouteRequest("api.example.com", "OPTIONS", "/a", "?b=2", headers: null).WithMethod("PUT");

        Assert.Equal("PUT", request.Method.ToString());
        Assert.Equal("/a", request.Path.ToString());
        Assert.Equal("api.example.com", request.Host.ToString());
        Assert.Equal("?b=2", request.Query.ToString());
    }

    [Fact]
    public void WithMethod_RequestView_AllocatesNothing()
    {
        var http = CreateRequest();
        Read(http);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var length = Read(http);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(3, length);
        Assert.Equal(0, allocated);
    }

    private static int Read(HttpRequest http) => RouteRequest.From(http).WithMethod("GET").Method.Length;

    private static HttpRequest CreateRequest()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "OPTIONS";
        context.Request.Path = "/orders/1";
        context.Request.Host = new HostString("api.example.com:8443");
        context.Request.QueryString = new QueryString("?x=1");
        return context.Request;
    }
}
