using Gateway.Benchmarks.Tables;
using Microsoft.AspNetCore.Http;

namespace Gateway.Benchmarks;

/// <summary>The request paths of one benchmark invocation and the route each must match.</summary>
public sealed class RequestSamples
{
    /// <summary>How many requests one invocation matches; the benchmarks' <c>OperationsPerInvoke</c>.</summary>
    public const int Count = 100;

    private RequestSamples(int[] routeIndices, PathString[] paths)
    {
        RouteIndices = routeIndices;
        Paths = paths;
    }

    /// <summary>For each request, the index of the route that must match it.</summary>
    public int[] RouteIndices { get; }

    /// <summary>For each request, its path (a <see cref="PathString"/> made once, so setting it allocates nothing).</summary>
    public PathString[] Paths { get; }

    /// <summary>Picks <see cref="Count"/> requests from <paramref name="routes"/> as <paramref name="mix"/> says.</summary>
    public static RequestSamples Create(IReadOnlyList<SyntheticRoute> routes, RequestMix mix)
    {
        var indices = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            // Evenly spread over the table; with 10 routes each route appears 10 times.
            indices[i] = mix == RequestMix.Last ? routes.Count - 1 : (int)((long)i * routes.Count / Count);
        }

        if (mix == RequestMix.Sampled)
        {
            new Random(TableFactory.Seed).Shuffle(indices);
        }

        return new RequestSamples(indices, [.. indices.Select(i => new PathString(routes[i].SamplePath))]);
    }
}
