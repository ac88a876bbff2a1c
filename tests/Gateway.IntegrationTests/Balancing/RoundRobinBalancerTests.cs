using Gateway.IntegrationTests.Common;

namespace Gateway.IntegrationTests.Balancing;

/// <summary><c>balance round_robin</c> through the real gateway.</summary>
public sealed class RoundRobinBalancerTests
{
    [Fact]
    public async Task Pick_300Requests_ExactlyEvenOverThreeUpstreams()
    {
        await using var pool = await CreatePoolAsync();

        var counts = await pool.CountAsync(300);

        Assert.Equal([100, 100, 100], counts);
    }

    private static Task<BalancedUpstreams> CreatePoolAsync() => BalancedUpstreams.StartAsync("round_robin");
}
