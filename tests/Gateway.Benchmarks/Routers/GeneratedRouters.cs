using Gateway.Routing;

namespace Gateway.Benchmarks.Routers;

/// <summary>Picks the generated router for a table size, so one benchmark method can measure all four.</summary>
internal static class GeneratedRouters
{
    /// <summary>The table sizes compiled into this build: all four in Release, without 10,000 in Debug (see the csproj).</summary>
    public static IReadOnlyList<int> Sizes { get; } =
#if LARGEST_ROUTE_TABLE
        [10, 100, 1_000, 10_000];
#else
        [10, 100, 1_000];
#endif

    /// <summary>Matches <paramref name="request"/> with the router generated from the table of <paramref name="size"/> routes.</summary>
    /// <remarks>A switch rather than a delegate: the call stays direct (and inlinable), and the branch is the same for a
    /// whole benchmark run, so it is predicted perfectly and costs well under a nanosecond.</remarks>
    public static RouteMatch Match(int size, in RouteRequest request) => size switch
    {
        10 => Routes10.Match(in request),
        100 => Routes100.Match(in request),
        1_000 => Routes1000.Match(in request),
#if LARGEST_ROUTE_TABLE
        10_000 => Routes10000.Match(in request),
#endif
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "no generated router for this size in this build"),
    };

    /// <summary>The route-file text the router for <paramref name="size"/> routes was compiled from.</summary>
    public static string SourceText(int size) => size switch
    {
        10 => Routes10.SourceText,
        100 => Routes100.SourceText,
        1_000 => Routes1000.SourceText,
#if LARGEST_ROUTE_TABLE
        10_000 => Routes10000.SourceText,
#endif
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "no generated router for this size in this build"),
    };
}
