using System.Diagnostics;
using Gateway.Benchmarks.Routers;
using Gateway.Benchmarks.Tables;
using Gateway.Routing;
using Microsoft.AspNetCore.Http;

namespace Gateway.Benchmarks;

/// <summary>The generated router in a plain loop for eight seconds, printing a rough time per match each second: a
/// target for <c>perf record</c> and the JIT's disassembly switches. The numbers it prints are not benchmark results.</summary>
internal static class Probe
{
    /// <summary>Matches the samples for the table of <paramref name="size"/> routes, on strings or through a context.</summary>
    public static int Run(int size, RequestMix mix, bool throughContext)
    {
        var samples = RequestSamples.Create(TableFactory.CreateRoutes(size), mix);
        var paths = samples.Paths.Select(p => p.Value!).ToArray();
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Host = new HostString("gateway.local:8080");
        var sum = 0L;
        for (var second = 0; second < 8; second++)
        {
            var clock = Stopwatch.StartNew();
            var count = 0;
            while (clock.ElapsedMilliseconds < 1000)
            {
                for (var i = 0; i < paths.Length; i++)
                {
                    if (throughContext)
                    {
                        context.Request.Path = samples.Paths[i];
                        sum += GeneratedRouters.Match(size, RouteRequest.From(context.Request)).RouteIndex;
                    }
                    else
                    {
                        sum += GeneratedRouters.Match(size, new RouteRequest("gateway.local:8080", "GET", paths[i], default, null)).RouteIndex;
                    }
                }

                count += paths.Length;
            }

            Console.WriteLine($"{clock.Elapsed.TotalNanoseconds / count:F1} ns/match");
        }

        // Printed so the loop's work is observable.
        Console.WriteLine("checksum " + sum);
        return 0;
    }
}
