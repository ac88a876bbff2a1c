using System.Reflection;
using Gateway.Benchmarks.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Benchmarks.Routers;

/// <summary>ASP.NET Core endpoint routing's matcher (the DfaMatcher) over the same routes, driven as YARP drives it.</summary>
/// <remarks>
/// YARP routes through endpoint routing: <c>EndpointRoutingMiddleware</c> asks the internal <c>MatcherFactory</c> for a
/// matcher over the app's <see cref="EndpointDataSource"/> and calls <c>Matcher.MatchAsync(HttpContext)</c> per request.
/// Both types are internal, so this class finds them by reflection once and binds <c>MatchAsync</c> to a delegate; per
/// request it costs one delegate call more than the middleware's direct call. The names come from dotnet/aspnetcore
/// <c>src/Http/Routing/src/Matching/MatcherFactory.cs</c> and <c>DfaMatcherFactory.cs</c>, the same entry point as
/// aspnetcore's own <c>MatcherAzureBenchmark</c>.
/// </remarks>
public sealed class AspNetCoreRouter : IAsyncDisposable
{
    private const string MatcherFactoryTypeName = "Microsoft.AspNetCore.Routing.Matching.MatcherFactory";

    // Never runs: the benchmark only matches. A RequestDelegate (not a lambda with parameters) keeps MapGet from building
    // a request delegate per endpoint, which would make setup for 10,000 routes take far longer.
    private static readonly RequestDelegate Unused = static _ => Task.CompletedTask;

    private readonly WebApplication _app;
    private readonly Func<HttpContext, Task> _matchAsync;

    private AspNetCoreRouter(WebApplication app, Func<HttpContext, Task> matchAsync, Endpoint[] endpoints)
    {
        _app = app;
        _matchAsync = matchAsync;
        Endpoints = endpoints;
    }

    /// <summary>The endpoint of each route, by route index: what a correct match sets on the context.</summary>
    public IReadOnlyList<Endpoint> Endpoints { get; }

    /// <summary>Maps each route with <c>MapGet</c> on a <see cref="WebApplication"/> and builds its DfaMatcher.</summary>
    public static AspNetCoreRouter Create(IReadOnlyList<SyntheticRoute> routes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        foreach (var route in routes)
        {
            app.MapGet(route.AspNetCoreTemplate, Unused).WithDisplayName(route.Name);
        }

        var dataSource = new CompositeEndpointDataSource(((IEndpointRouteBuilder)app).DataSources);
        var byName = dataSource.Endpoints.ToDictionary(e => e.DisplayName!, StringComparer.Ordinal);
        var endpoints = routes.Select(r => byName[r.Name]).ToArray();

        var factoryType = typeof(RouteEndpoint).Assembly.GetType(MatcherFactoryTypeName, throwOnError: true)!;
        var factory = app.Services.GetRequiredService(factoryType);
        var createMatcher = factoryType.GetMethod("CreateMatcher", [typeof(EndpointDataSource)])
            ?? throw new MissingMethodException(MatcherFactoryTypeName, "CreateMatcher");
        var matcher = createMatcher.Invoke(factory, [dataSource])
            ?? throw new InvalidOperationException("MatcherFactory.CreateMatcher returned null.");

        // Bind to the runtime type's override so the delegate calls it directly, not through a reflection thunk.
        var matchAsync = matcher.GetType().GetMethod("MatchAsync", BindingFlags.Public | BindingFlags.Instance, [typeof(HttpContext)])
            ?? throw new MissingMethodException(matcher.GetType().FullName, "MatchAsync");
        return new AspNetCoreRouter(app, matchAsync.CreateDelegate<Func<HttpContext, Task>>(matcher), endpoints);
    }

    /// <summary>Runs the matcher: on success the chosen endpoint is on <paramref name="context"/> (<c>GetEndpoint()</c>).</summary>
    public Task MatchAsync(HttpContext context) => _matchAsync(context);

    /// <summary>Disposes the application's service provider.</summary>
    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
