using Gateway.Forwarding;
using Gateway.Tests.Common;

namespace Gateway.Tests.Forwarding;

/// <summary>The upstream path a route's <c>rewrite</c>, <c>strip-prefix</c> and <c>add-prefix</c> make.</summary>
public sealed class UpstreamPathTests
{
    [Theory]
    [InlineData("path /users/{id:int}\n  rewrite /v2/people/{id}", "/users/42", "/v2/people/42")]
    [InlineData("path /files/{**rest}\n  rewrite /store/{rest}", "/files/a/b%20c", "/store/a/b%20c")]
    [InlineData("path /files/{**rest}\n  rewrite /store/{rest}", "/files", "/store/")]
    [InlineData("path /api/**\n  strip-prefix /api", "/api/orders/1", "/orders/1")]
    [InlineData("path /api/**\n  strip-prefix /api", "/api", "/")]
    [InlineData("path /**\n  strip-prefix /api", "/apix/1", "/apix/1")]
    [InlineData("path /**\n  add-prefix /v1", "/orders", "/v1/orders")]
    [InlineData("path /**\n  add-prefix /v1", "/", "/v1")]
    [InlineData("path /api/**\n  strip-prefix /api\n  add-prefix /internal", "/api/x", "/internal/x")]
    public void UpstreamPath_RouteTransform_MakesPath(string directives, string requestPath, string expected)
    {
        var context = RoutedRequest.Create("upstream u {\n  endpoints http://127.0.0.1:1\n}\nroute r {\n  " + directives + "\n  to u\n}\n", "GET", requestPath);

        var path = RouteTransformer.UpstreamPath(context.Http, context.Route!.Route.Policies.Path!);

        Assert.Equal(expected, path.ToUriComponent());
    }
}
