using System.Diagnostics;
using System.Net;
using Gateway.IntegrationTests.Common;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>100 MB each way through the gateway without buffering: the process's managed heap must stay flat.</summary>
/// <remarks>
/// Gateway, upstream and client share this process, so the measured heap covers all three; none of them buffers. The
/// class runs alone (its collection disables parallelization) so other tests' allocations do not blur the numbers.
/// </remarks>
[Collection(MemoryCollection.Name)]
public sealed class GatewayMiddlewareStreamingTests(ITestOutputHelper output)
{
    private const long BodySize = 100L * 1024 * 1024;

    // Buffering a 100 MB body would grow the heap by at least 100 MB; streaming keeps it to pooled buffers and gen0 churn.
    private const long MaxHeapGrowth = 32L * 1024 * 1024;

    [Fact]
    public async Task InvokeAsync_100MbUpload_StreamsWithFlatHeap()
    {
        await using var upstream = await EchoUpstream.StartAsync("sink");
        await using var gateway = await CreateGatewayAsync(upstream);
        using var client = gateway.CreateClient();

        var (received, growth, allocated) = await MeasureHeapGrowthAsync(async () =>
        {
            using var response = await client.PostAsync("/upload", new GeneratedContent(BodySize));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return long.Parse(await response.Content.ReadAsStringAsync());
        });

        Assert.Equal(BodySize, received);
        Assert.True(growth < MaxHeapGrowth, $"heap grew {Mb(growth)} during a {Mb(BodySize)} upload");
        Assert.True(allocated < MaxHeapGrowth, $"{Mb(allocated)} allocated during a {Mb(BodySize)} upload");
    }

    [Fact]
    public async Task InvokeAsync_100MbDownload_StreamsWithFlatHeap()
    {
        await using var upstream = await EchoUpstream.StartAsync("source");
        await using var gateway = await CreateGatewayAsync(upstream);
        using var client = gateway.CreateClient();

        var (received, growth, allocated) = await MeasureHeapGrowthAsync(async () =>
        {
            using var response = await client.GetAsync($"/download?bytes={BodySize}", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                total += read;
            }

            return total;
        });

        Assert.Equal(BodySize, received);
        Assert.True(growth < MaxHeapGrowth, $"heap grew {Mb(growth)} during a {Mb(BodySize)} download");
        Assert.True(allocated < MaxHeapGrowth, $"{Mb(allocated)} allocated during a {Mb(BodySize)} download");
    }

    // Samples the GC heap (live objects plus garbage not yet collected) every 5 ms while the transfer runs and reports
    // the peak over the baseline, plus the bytes allocated meanwhile: buffering a body would show in both.
    private async Task<(long Result, long Growth, long Allocated)> MeasureHeapGrowthAsync(Func<Task<long>> transfer)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var workingSetBefore = Environment.WorkingSet;
        var peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(5);
            }
        });

        var clock = Stopwatch.StartNew();
        var result = await transfer();
        clock.Stop();
        await stop.CancelAsync();
        await sampler;
        peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));

        var growth = peak - baseline;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        output.WriteLine($"heap baseline {Mb(baseline)}, peak {Mb(peak)}, growth {Mb(growth)}; allocated {Mb(allocated)}; " +
            $"working set {Mb(workingSetBefore)} -> {Mb(Environment.WorkingSet)}; {clock.ElapsedMilliseconds} ms");
        return (result, growth, allocated);
    }

    private static string Mb(long bytes) => $"{bytes / 1024.0 / 1024:F1} MB";

    private static Task<GatewayHost> CreateGatewayAsync(EchoUpstream upstream) => GatewayHost.StartAsync($$"""
        upstream u { endpoints {{upstream.Address}} }
        route all {
          path /**
          to u
        }
        """);
}
