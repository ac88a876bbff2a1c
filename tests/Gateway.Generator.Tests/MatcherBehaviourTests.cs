using Gateway.Dsl;
using Gateway.Routing;
using Microsoft.AspNetCore.Http;

namespace Gateway.Generator.Tests;

/// <summary>The emitted matcher, compiled and loaded, picks the routes and captures the interpreter picks.</summary>
public sealed class MatcherBehaviourTests
{
    private const string RouteFileText = """
        upstream app {
          endpoints http://127.0.0.1:5001
        }

        route api-user {
          host api.example.com
          method GET
          path /users/{id:int}
          to app
        }

        route org-any {
          host *.example.org
          path /**
          to app
        }

        route user-by-id {
          path /users/{id:int}
          to app
        }

        route user-by-name {
          path /users/{name}
          to app
        }

        route user-orders {
          path /users/{id:int}/orders/{order:guid}/{**rest}
          to app
        }

        route api-v2 {
          path /api/**
          header x-version 2
          to app
        }

        route api {
          path /api/**
          to app
        }

        route search {
          path /search
          query q
          to app
        }
        """;

    private static readonly Lazy<(CompiledRouteMatcher Compiled, InterpretedRouteMatcher Interpreted, string[] Names)> Subject = new(CreateSubject);

    [Theory]
    [InlineData("api.example.com", "GET", "/users/42", "", "api-user", "42")]
    [InlineData("API.Example.com:8443", "GET", "/users/42/", "", "api-user", "42")]
    [InlineData("api.example.com", "POST", "/users/42", "", "user-by-id", "42")]
    [InlineData("a.b.example.org", "GET", "/users/42", "", "org-any", "users/42")]
    [InlineData("example.org", "GET", "/users/x", "", "user-by-name", "x")]
    [InlineData("localhost", "GET", "/users/7/orders/00000000-0000-0000-0000-000000000001/a/b", "", "user-orders", "7|00000000-0000-0000-0000-000000000001|a/b")]
    [InlineData("localhost", "GET", "/users/7/orders/not-a-guid/a", "", null, "")]
    [InlineData("localhost", "GET", "/api", "", "api", "")]
    [InlineData("localhost", "GET", "/api/v/x", "", "api", "v/x")]
    [InlineData("localhost", "GET", "/search", "?q=1", "search", "")]
    [InlineData("localhost", "GET", "/search", "?p=1", null, "")]
    [InlineData("localhost", "GET", "/users//", "", null, "")]
    public void Match_Request_ChoosesRouteAndCaptures(string host, string method, string path, string query, string? route, string captures)
    {
        var (compiled, interpreted, names) = Subject.Value;
        var request = new RouteRequest(host, method, path, query, headers: null);

        var match = compiled.Match(in request);

        Assert.Equal(route, match.Success ? names[match.RouteIndex] : null);
        Assert.Equal(captures, Captures(match, path));
        var walked = interpreted.Match(in request);
        Assert.Equal(walked.RouteIndex, match.RouteIndex);
        Assert.Equal(Captures(walked, path), Captures(match, path));
    }

    [Fact]
    public void Match_HeaderCondition_ChoosesMoreSpecificRoute()
    {
        var (compiled, _, names) = Subject.Value;
        var request = new RouteRequest("localhost", "GET", "/api/x", "", new HeaderDictionary { ["X-Version"] = "2" });

        Assert.Equal("api-v2", names[compiled.Match(in request).RouteIndex]);
    }

    [Fact]
    public void Match_ManyRequests_AgreesWithInterpreterAndAllocatesNothing()
    {
        var (compiled, interpreted, _) = Subject.Value;
        string[] hosts = ["api.example.com", "x.example.org", "example.org", "localhost", ""];
        string[] methods = ["GET", "POST", "BREW"];
        string[] paths =
        [
            "/", "/users", "/users/1", "/users/-1/", "/users/abc", "/users/1/orders", "/users/1/orders/00000000-0000-0000-0000-000000000001",
            "/users/1/orders/00000000-0000-0000-0000-000000000001/x/", "/api", "/api/", "/api//x", "/search", "/search/x", "//", "",
        ];
        string[] queries = ["", "?q", "q=1&x"];
        var requests = (from host in hosts from method in methods from path in paths from query in queries select (host, method, path, query)).ToArray();

        foreach (var (host, method, path, query) in requests)
        {
            var request = new RouteRequest(host, method, path, query, headers: null);
            var match = compiled.Match(in request);
            var walked = interpreted.Match(in request);
            Assert.True(walked.RouteIndex == match.RouteIndex && Captures(walked, path) == Captures(match, path), $"{method} {host}{path}{query}");
        }

        // Counted in bytes, not timed: the harness compiles without optimization, where constant collection expressions
        // would allocate, so this also pins the emitter's shared capture arrays.
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var (host, method, path, query) in requests)
        {
            var request = new RouteRequest(host, method, path, query, headers: null);
            compiled.Match(in request);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static (CompiledRouteMatcher, InterpretedRouteMatcher, string[]) CreateSubject()
    {
        var run = GeneratorHarness.Run(RouteFileText);
        var assembly = GeneratorHarness.Load(run);
        var match = assembly.GetType("Sample.Routing.Routes")!.GetMethod("Match")!.CreateDelegate<CompiledRouteMatcher.MatchFunction>();
        var checkedFile = RouteFile.Parse(RouteFileText, "routes.gw");
        Assert.Empty(checkedFile.Diagnostics);
        return (new CompiledRouteMatcher(match), new InterpretedRouteMatcher(checkedFile.Plan!), checkedFile.Table!.Routes.Select(r => r.Name).ToArray());
    }

    private static string Captures(RouteMatch match, string path) =>
        string.Join("|", Enumerable.Range(0, match.CaptureCount).Select(i => match.GetCaptureText(i, path).ToString()));
}
