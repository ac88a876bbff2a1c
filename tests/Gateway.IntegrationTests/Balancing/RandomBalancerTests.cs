using Gateway.IntegrationTests.Common;

namespace Gateway.IntegrationTests.Balancing;

/// <summary><c>balance random</c> through the real gateway.</summary>
public sealed class RandomBalancerTests
{
    [Fact]
    public async Task Pick_300Requests_RoughlyEvenOverThreeUpstreams()
    {
        await using var pool = await CreatePoolAsync();

        var counts = await pool.CountAsync(300);

        // Binomial(300, 1/3): mean 100, σ ≈ 8.2; 60..140 is about ±5σ, so a fair balancer fails this about once in a million runs.
        Assert.All(counts, count => Assert.InRange(count, 60, 140));
        Assert.Equal(300, counts.Sum());
    }

    private static Task<BalancedUpstreams> CreatePoolAsync() => BalancedUpstreams.StartAsync("random");
}
