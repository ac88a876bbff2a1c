using Gateway.Dsl;
using Gateway.Routing;
using Microsoft.AspNetCore.Http;

namespace Gateway.DifferentialTests;

/// <summary>Matching allocates nothing: counted in bytes on this thread, not timed, so the result does not depend on the machine's load.</summary>
public sealed class MatcherAllocationTests
{
    private const int Iterations = 100_000;

    [Fact]
    public void CompiledMatch_100000Requests_AllocatesZeroBytes()
    {
        var requests = CreateRequests();
        var bytes = Measure(requests, static (in RouteRequest r) => DifferentialRoutes.Match(in r));
        Assert.Equal(0, bytes);
    }

    [Fact]
    public void InterpretedMatch_100000Requests_AllocatesZeroBytes()
    {
        var requests = CreateRequests();
        var result = RouteFile.Parse(DifferentialRoutes.SourceText, DifferentialRoutes.SourcePath);
        var matcher = new InterpretedRouteMatcher(result.Plan!);
        var bytes = Measure(requests, (in RouteRequest r) => matcher.Match(in r));
        Assert.Equal(0, bytes);
    }

    private static long Measure((string Host, string Method, string Path, string Query, HeaderDictionary Headers)[] requests, CompiledRouteMatcher.MatchFunction match)
    {
        // One warm-up pass so that JIT tiering and first-call initialisation are not counted.
        var matched = Run(requests, match, requests.Length);
        Assert.True(matched > 0);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(requests, match, Iterations);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static int Run((string Host, string Method, string Path, string Query, HeaderDictionary Headers)[] requests, CompiledRouteMatcher.MatchFunction match, int count)
    {
        var matched = 0;
        for (var i = 0; i < count; i++)
        {
            var (host, method, path, query, headers) = requests[i % requests.Length];
            var result = match(new RouteRequest(host, method, path, query, headers));
            if (result.Success && result.CaptureCount > 0 && result.GetCaptureText(0, path).Length >= 0)
            {
                matched++;
            }
        }

        return matched;
    }

    // Requests that reach every kind of branch: exact and wildcard hosts, constraints, catch-alls, headers, query
    // values that need percent-decoding, and misses.
    private static (string, string, string, string, HeaderDictionary)[] CreateRequests() =>
    [
        ("api.example.com:8080", "GET", "/users/42", "", new HeaderDictionary()),
        ("a.eu.example.org", "POST", "/anything/at/all", "", new HeaderDictionary()),
        ("b.example.org", "GET", "/users/x", "", new HeaderDictionary()),
        ("localhost", "GET", "/users/00000000-0000-0000-0000-000000000001", "", new HeaderDictionary()),
        ("localhost", "DELETE", "/users/9223372036854775807/", "", new HeaderDictionary()),
        ("localhost", "GET", "/api/v1/x", "", new HeaderDictionary { ["X-Version"] = "2" }),
        ("localhost", "GET", "/api/items/7", "?view=f%75ll&x=1", new HeaderDictionary()),
        ("localhost", "GET", "/q", "?mode=fast&level=2", new HeaderDictionary()),
        ("localhost", "GET", "/files/a/b/c.txt", "", new HeaderDictionary()),
        ("localhost", "GET", "/a/1/c/2/e/3", "", new HeaderDictionary()),
        ("localhost", "GET", "/nothing/here", "", new HeaderDictionary()),
        ("localhost", "PROPFIND", "/health", "", new HeaderDictionary()),
    ];
}
