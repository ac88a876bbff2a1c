using Gateway.Tests.Common;

namespace Gateway.Tests.Responses;

/// <summary>The <c>Location</c> a <c>redirect</c> route sends: the request's URL with the route's parts replaced.</summary>
public sealed class RedirectResponseTests
{
    [Theory]
    [InlineData("redirect https", "http", "shop.example.com:8080", "/a?b=1", "https://shop.example.com/a?b=1")]
    [InlineData("redirect 301 host www.example.com", "http", "example.com:8080", "/a", "http://www.example.com:8080/a")]
    [InlineData("redirect 302 scheme https port 8443", "http", "example.com", "/a", "https://example.com:8443/a")]
    [InlineData("redirect 307 port 443 scheme https", "http", "example.com:80", "/", "https://example.com/")]
    [InlineData("redirect 308 path /new/{x}", "https", "example.com", "/old/caf%C3%A9?q=1", "https://example.com/new/caf%C3%A9?q=1")]
    [InlineData("redirect 303 path /new/{x}", "http", "example.com", "/old/a%20b", "http://example.com/new/a%20b")]
    public void Location_RouteParts_ReplaceRequestParts(string redirect, string scheme, string host, string target, string expected)
    {
        var context = RoutedRequest.Create("route r {\n  path /{**x}\n  " + redirect + "\n}\nroute o {\n  path /old/{x}\n  " + redirect + "\n}\n", "GET", target, host, scheme);

        Assert.Equal(expected, context.Route!.Redirect!.Location(context));
    }

    [Fact]
    public async Task WriteAsync_Redirect_SendsStatusLocationAndNoBody()
    {
        var context = RoutedRequest.Create("route r {\n  path /**\n  redirect 301 path /home\n}\n", "GET", "/x");

        await context.Route!.Redirect!.WriteAsync(context);

        Assert.Equal(301, context.Http.Response.StatusCode);
        Assert.Equal("http://client.example.com/home", context.Http.Response.Headers.Location.ToString());
        Assert.Equal(0, context.Http.Response.ContentLength);
    }
}
