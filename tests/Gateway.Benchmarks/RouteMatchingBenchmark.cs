using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using Gateway.Benchmarks.Routers;
using Gateway.Benchmarks.Tables;
using Gateway.Dsl;
using Gateway.Routing;
using Microsoft.AspNetCore.Http;

namespace Gateway.Benchmarks;

/// <summary>Route matching with 10 to 10,000 routes: the generated router, the interpreted router and an Ocelot-style
/// regex list against ASP.NET Core endpoint routing (the baseline), in one summary table.</summary>
/// <remarks>
/// Every contender reads the same input, a <see cref="DefaultHttpContext"/> made once in setup (method GET, a Host
/// header), whose path is set per request; this is what a gateway middleware has in hand. Each invocation matches
/// <see cref="RequestSamples.Count"/> requests, and every result is checked against the expected route (an exception
/// on mismatch), so the JIT cannot drop the work and a wrong router cannot look fast. Each contender has its own
/// <c>[GlobalSetup]</c>, so a benchmark process builds only the router it measures.
/// Not sealed: BenchmarkDotNet derives a runner class from it.
/// </remarks>
[MemoryDiagnoser]
public class RouteMatchingBenchmark
{
    private IReadOnlyList<SyntheticRoute> _routes = [];
    private RequestSamples _samples = null!;
    private DefaultHttpContext _context = null!;
    private AspNetCoreRouter? _aspNetCore;
    private Endpoint[] _expectedEndpoints = [];
    private InterpretedRouteMatcher _interpreted = null!;
    private OcelotStyleRegexRouter _regex = null!;

    /// <summary>The number of routes in the table.</summary>
    [Params(10, 100, 1_000, 10_000)]
    public int N { get; set; }

    /// <summary>Which paths are requested.</summary>
    [ParamsAllValues]
    public RequestMix Requests { get; set; }

    /// <summary>Builds ASP.NET Core's matcher from N <c>MapGet</c> calls through the internal MatcherFactory.</summary>
    [GlobalSetup(Target = nameof(AspNetCoreDfa))]
    public void SetupAspNetCore()
    {
        SetupRequests();
        _aspNetCore = AspNetCoreRouter.Create(_routes);
        _expectedEndpoints = [.. _samples.RouteIndices.Select(i => _aspNetCore.Endpoints[i])];
    }

    /// <summary>Nothing to build: the generated routers are compiled into this assembly.</summary>
    [GlobalSetup(Target = nameof(Generated))]
    public void SetupGenerated() => SetupRequests();

    /// <summary>Parses, checks and plans the same route file the generated router was compiled from.</summary>
    /// <remarks>The factory's text, which <see cref="TableFiles.Check"/> has found equal to the checked-in file and to the
    /// text compiled into the generated router; it is at hand even in a build without the 10,000-route router.</remarks>
    [GlobalSetup(Target = nameof(Interpreted))]
    public void SetupInterpreted()
    {
        SetupRequests();
        var result = RouteFile.Parse(TableFactory.CreateFile(N), TableFactory.FileName(N));
        if (result.Plan is null)
        {
            throw new InvalidOperationException(TableFactory.FileName(N) + " does not check clean: " + string.Join("; ", result.Diagnostics.Select(d => d.Message)));
        }

        _interpreted = new InterpretedRouteMatcher(result.Plan);
    }

    /// <summary>Compiles one regex per route, in table order.</summary>
    [GlobalSetup(Target = nameof(OcelotRegex))]
    public void SetupRegex()
    {
        SetupRequests();
        _regex = new OcelotStyleRegexRouter(_routes);
    }

    /// <summary>Releases the ASP.NET Core application.</summary>
    [GlobalCleanup(Target = nameof(AspNetCoreDfa))]
    public void CleanupAspNetCore() => _aspNetCore?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>ASP.NET Core endpoint routing: <c>MatchAsync(HttpContext)</c>, the endpoint reset before each request.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = RequestSamples.Count)]
    public int AspNetCoreDfa()
    {
        var context = _context;
        var paths = _samples.Paths;
        var expected = _expectedEndpoints;
        var router = _aspNetCore!;
        for (var i = 0; i < paths.Length; i++)
        {
            context.Request.Path = paths[i];
            context.SetEndpoint(null);
            var task = router.MatchAsync(context);
            if (!task.IsCompletedSuccessfully)
            {
                // DfaMatcher completes synchronously without policies; wait only if that ever changes.
                task.GetAwaiter().GetResult();
            }

            if (!ReferenceEquals(context.GetEndpoint(), expected[i]))
            {
                Mismatch(nameof(AspNetCoreDfa), i);
            }
        }

        return paths.Length;
    }

    /// <summary>The router generated from <c>Tables/routes-N.gw</c> at build time.</summary>
    [Benchmark(OperationsPerInvoke = RequestSamples.Count)]
    public int Generated()
    {
        var context = _context;
        var paths = _samples.Paths;
        var expected = _samples.RouteIndices;
        var size = N;
        for (var i = 0; i < paths.Length; i++)
        {
            context.Request.Path = paths[i];
            var match = GeneratedRouters.Match(size, RouteRequest.From(context.Request));
            if (match.RouteIndex != expected[i])
            {
                Mismatch(nameof(Generated), i);
            }
        }

        return paths.Length;
    }

    /// <summary>The interpreted router walking the match plan of the same file.</summary>
    [Benchmark(OperationsPerInvoke = RequestSamples.Count)]
    public int Interpreted()
    {
        var context = _context;
        var paths = _samples.Paths;
        var expected = _samples.RouteIndices;
        var matcher = _interpreted;
        for (var i = 0; i < paths.Length; i++)
        {
            context.Request.Path = paths[i];
            var match = matcher.Match(RouteRequest.From(context.Request));
            if (match.RouteIndex != expected[i])
            {
                Mismatch(nameof(Interpreted), i);
            }
        }

        return paths.Length;
    }

    /// <summary>Ocelot's algorithm: compiled regexes tried in table order, first match wins.</summary>
    [Benchmark(OperationsPerInvoke = RequestSamples.Count)]
    public int OcelotRegex()
    {
        var context = _context;
        var paths = _samples.Paths;
        var expected = _samples.RouteIndices;
        var router = _regex;
        for (var i = 0; i < paths.Length; i++)
        {
            context.Request.Path = paths[i];
            var request = context.Request;
            if (router.Match(request.Method, request.Path.Value!) != expected[i])
            {
                Mismatch(nameof(OcelotRegex), i);
            }
        }

        return paths.Length;
    }

    /// <summary>The table, the request samples and the one reusable context every contender reads.</summary>
    private void SetupRequests()
    {
        _routes = TableFactory.CreateRoutes(N);
        _samples = RequestSamples.Create(_routes, Requests);
        _context = new DefaultHttpContext();
        _context.Request.Method = HttpMethods.Get;
        _context.Request.Scheme = "http";
        _context.Request.Host = new HostString("gateway.local:8080");
    }

    // Kept out of the loops so that they stay small; a wrong answer means the numbers mean nothing, so stop the run.
    [DoesNotReturn]
    private void Mismatch(string contender, int sample) =>
        throw new InvalidOperationException(
            contender + " did not match route '" + _routes[_samples.RouteIndices[sample]].Name + "' for " + _samples.Paths[sample] + " (N = " + N + ").");
}
