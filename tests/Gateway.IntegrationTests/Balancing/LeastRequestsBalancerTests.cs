using Gateway.IntegrationTests.Common;

namespace Gateway.IntegrationTests.Balancing;

/// <summary><c>balance least_requests</c> through the real gateway.</summary>
public sealed class LeastRequestsBalancerTests
{
    [Fact]
    public async Task Pick_OneUpstreamHeldBusy_SendsEverythingToIdleOnes()
    {
        await using var pool = await CreatePoolAsync();
        using var client = pool.Gateway.CreateClient();
        var held = await pool.HoldOneOnFirstAsync(client);

        var counts = await pool.CountAsync(60);

        Assert.Equal(0, counts[0]);
        Assert.True(counts[1] > 0 && counts[2] > 0, $"ties between idle endpoints spread: {counts[1]}/{counts[2]}");
        pool.Upstreams[0].ReleaseHeld();
        foreach (var response in await Task.WhenAll(held))
        {
            Assert.True(response.IsSuccessStatusCode);
            response.Dispose();
        }
    }

    [Fact]
    public async Task Pick_AllIdle_SpreadsOverEveryUpstream()
    {
        await using var pool = await CreatePoolAsync();

        var counts = await pool.CountAsync(300);

        // Idle endpoints tie, and the rotating scan start spreads them. CountAsync uses one connection, so each request's
        // count is back at 0 before the next pick; the range does not insist on exact thirds all the same.
        Assert.All(counts, count => Assert.InRange(count, 70, 130));
    }

    private static Task<BalancedUpstreams> CreatePoolAsync() => BalancedUpstreams.StartAsync("least_requests");
}
