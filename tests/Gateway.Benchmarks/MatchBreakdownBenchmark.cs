using BenchmarkDotNet.Attributes;
using Gateway.Benchmarks.Routers;
using Gateway.Benchmarks.Tables;
using Gateway.Routing;
using Microsoft.AspNetCore.Http;

namespace Gateway.Benchmarks;

/// <summary>Where the generated router's time per request goes: setting the path on the shared context, building the
/// request view, and the match itself on plain strings.</summary>
[MemoryDiagnoser]
public class MatchBreakdownBenchmark
{
    private RequestSamples _samples = null!;
    private string[] _pathStrings = [];
    private DefaultHttpContext _context = null!;
    private AspNetCoreRouter _aspNetCore = null!;

    /// <summary>The number of routes in the table.</summary>
    [Params(1_000)]
    public int N { get; set; }

    /// <summary>Which paths are requested.</summary>
    [ParamsAllValues]
    public RequestMix Requests { get; set; }

    /// <summary>Builds the samples and the context.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var routes = TableFactory.CreateRoutes(N);
        _samples = RequestSamples.Create(routes, Requests);
        _pathStrings = [.. _samples.Paths.Select(p => p.Value!)];
        _context = new DefaultHttpContext();
        _context.Request.Method = HttpMethods.Get;
        _context.Request.Scheme = "http";
        _context.Request.Host = new HostString("gateway.local:8080");
        _aspNetCore = AspNetCoreRouter.Create(routes);
    }

    /// <summary>Releases the ASP.NET Core application.</summary>
    [GlobalCleanup]
    public void Cleanup() => _aspNetCore.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>ASP.NET Core's DfaMatcher, as in the main benchmark but without the result check.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = RequestSamples.Count)]
    public int AspNetCoreDfa()
    {
        var sum = 0;
        var paths = _samples.Paths;
        for (var i = 0; i < paths.Length; i++)
        {
            _context.Request.Path = paths[i];
            _context.SetEndpoint(null);
            _aspNetCore.MatchAsync(_context).GetAwaiter().GetResult();
            sum += _context.GetEndpoint() is null ? 0 : 1;
        }

        return sum;
    }

    /// <summary>Only the path set, and its length read back.</summary>
    [Benchmark(OperationsPerInvoke = RequestSamples.Count)]
    public int SetPath()
    {
        var sum = 0;
        var paths = _samples.Paths;
        for (var i = 0; i < paths.Length; i++)
        {
            _context.Request.Path = paths[i];
            sum += _context.Request.Path.Value!.Length;
        }

        return sum;
    }

    /// <summary>The path set and the view built.</summary>
    [Benchmark(OperationsPerInvoke = RequestSamples.Count)]
    public int SetPathAndView()
    {
        var sum = 0;
        var paths = _samples.Paths;
        for (var i = 0; i < paths.Length; i++)
        {
            _context.Request.Path = paths[i];
            var view = RouteRequest.From(_context.Request);
            sum += view.Path.Length + view.Host.Length + view.Method.Length;
        }

        return sum;
    }

    /// <summary>The generated match alone, on strings.</summary>
    [Benchmark(OperationsPerInvoke = RequestSamples.Count)]
    public int MatchOnStrings()
    {
        var sum = 0;
        var paths = _pathStrings;
        for (var i = 0; i < paths.Length; i++)
        {
            var match = GeneratedRouters.Match(N, new RouteRequest("gateway.local:8080", "GET", paths[i], default, null));
            sum += match.RouteIndex;
        }

        return sum;
    }

    /// <summary>Everything, as in the main benchmark.</summary>
    [Benchmark(OperationsPerInvoke = RequestSamples.Count)]
    public int Whole()
    {
        var sum = 0;
        var paths = _samples.Paths;
        for (var i = 0; i < paths.Length; i++)
        {
            _context.Request.Path = paths[i];
            sum += GeneratedRouters.Match(N, RouteRequest.From(_context.Request)).RouteIndex;
        }

        return sum;
    }
}
