using System.Diagnostics;
using System.Net;
using Gateway.IntegrationTests.Common;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Policies;

/// <summary>How exactly a local <c>limit</c> admits under 32 concurrent clients, through the real gateway; alone in the
/// timing collection, since a machine busy with other tests would stall the clients the count depends on.</summary>
[Collection(TimingCollection.Name)]
public sealed class RateLimitAccuracyTests : IAsyncLifetime
{
    private readonly ITestOutputHelper _output;
    private GatewayHost _gateway = null!;
    private HttpClient _client = null!;

    public RateLimitAccuracyTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync()
    {
        _gateway = await GatewayHost.StartAsync("""
            route fast {
              path /fast
              limit 400/s burst 400
              respond 200 "ok"
            }
            """);
        _client = _gateway.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _gateway.DisposeAsync();
    }

    [Fact]
    public async Task Apply_32ConcurrentClients_AdmitWithinOnePercentOfTheLimit()
    {
        // 400/s with a bucket of 400, hammered for 3 s by 32 clients that each send as fast as they are answered. The
        // bucket is full at the first decision and refills at 400 a second until the last, so the limit admits the bucket
        // plus 400 a second of the time between them. The client cannot see those two instants, only that each lies
        // between a request's sending and its answer; the bounds below use the earliest and latest that are possible.
        // The bucket holds a second's tokens, so a stall of the machine shorter than that loses none.
        const int rate = 400;
        const int burst = 400;
        // Warm up first (32 connections open, the request path compiled), then let the bucket fill again: otherwise the
        // first answers take long enough that the first decision's instant is uncertain by a good part of a second.
        await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ => (await _client.GetAsync("/fast")).Dispose()));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var sent = new System.Collections.Concurrent.ConcurrentBag<(double Sent, double Answered, bool Admitted)>();
        var running = Stopwatch.StartNew();
        var stopAt = TimeSpan.FromSeconds(3);
        var clients = Enumerable.Range(0, 32).Select(async _ =>
        {
            while (running.Elapsed < stopAt)
            {
                var start = running.Elapsed.TotalSeconds;
                using var response = await _client.GetAsync("/fast");
                Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests });
                sent.Add((start, running.Elapsed.TotalSeconds, response.StatusCode == HttpStatusCode.OK));
            }
        });
        await Task.WhenAll(clients);

        var admitted = sent.Count(r => r.Admitted);
        var refused = sent.Count - admitted;
        var firstSent = sent.Min(r => r.Sent);
        var firstAnswered = sent.Min(r => r.Answered);
        var lastSent = sent.Max(r => r.Sent);
        var lastAnswered = sent.Max(r => r.Answered);
        var fewest = burst + (rate * (lastSent - firstAnswered));
        var most = burst + (rate * (lastAnswered - firstSent));
        _output.WriteLine($"admitted {admitted}, refused {refused}; the limit allows {fewest:F1} to {most:F1} (midpoint {(fewest + most) / 2:F1}, admitted {(admitted - ((fewest + most) / 2)) / ((fewest + most) / 2):P2} from it)");
        Assert.True(refused > admitted, $"the clients did not outrun the limit ({refused} refused, {admitted} admitted), so the count proves nothing");
        Assert.InRange(admitted, fewest * 0.99, most * 1.01);
    }

}
