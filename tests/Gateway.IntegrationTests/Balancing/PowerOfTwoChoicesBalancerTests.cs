using Gateway.IntegrationTests.Common;

namespace Gateway.IntegrationTests.Balancing;

/// <summary><c>balance power_of_two</c> through the real gateway.</summary>
public sealed class PowerOfTwoChoicesBalancerTests
{
    [Fact]
    public async Task Pick_300SequentialRequests_RoughlyEvenOverThreeUpstreams()
    {
        await using var pool = await CreatePoolAsync();

        var counts = await pool.CountAsync(300);

        // One request at a time leaves every count at 0, so each pick is the first of two random draws: uniform.
        Assert.All(counts, count => Assert.InRange(count, 60, 140));
    }

    [Fact]
    public async Task Pick_OneUpstreamBusy_NeverChoosesIt()
    {
        await using var pool = await CreatePoolAsync();
        using var client = pool.Gateway.CreateClient();
        var held = await pool.HoldOneOnFirstAsync(client);
        var before = pool.Upstreams[0].Requests;

        var counts = await pool.CountAsync(60);

        // Any pair of draws that includes the busy u0 also includes an idle endpoint, which wins.
        Assert.Equal(0, counts[0]);
        Assert.Equal(before, pool.Upstreams[0].Requests);
        pool.Upstreams[0].ReleaseHeld();
        foreach (var response in await Task.WhenAll(held))
        {
            Assert.True(response.IsSuccessStatusCode);
            response.Dispose();
        }
    }

    private static Task<BalancedUpstreams> CreatePoolAsync() => BalancedUpstreams.StartAsync("power_of_two");
}
