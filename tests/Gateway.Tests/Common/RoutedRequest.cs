using Gateway.Pipeline;
using Gateway.Routing;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests.Common;

/// <summary>A request matched against a route file by the interpreted router, as the gateway would before its policies
/// run: the <see cref="RequestContext"/> is set as a feature, with the route and its captures.</summary>
public static class RoutedRequest
{
    /// <summary>Checks <paramref name="routes"/>, matches <paramref name="method"/> <paramref name="target"/> (path and
    /// query) on <paramref name="host"/>, and returns the context; fails the test when nothing matches.</summary>
    public static RequestContext Create(string routes, string method, string target, string host = "client.example.com", string scheme = "http")
    {
        var snapshot = RouteTableLoader.TryLoad(RouteSource.Interpreted(routes, "test.gw"), out var result)
            ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        var http = new DefaultHttpContext();
        var query = target.IndexOf('?');
        http.Request.Method = method;
        http.Request.Scheme = scheme;
        http.Request.Host = new HostString(host);
        http.Request.Path = query < 0 ? target : target[..query];
        http.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(target[query..]);
        var context = new RequestContext(http, snapshot);
        http.Features.Set(context);
        var match = snapshot.Matcher.Match(RouteRequest.From(http.Request));
        Assert.True(match.Success, "no route matched " + method + " " + target);
        context.Matched(snapshot.GetRoute(match.RouteIndex), match);
        return context;
    }
}
