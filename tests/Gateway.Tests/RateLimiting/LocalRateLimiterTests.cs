using Gateway.Dsl.Model;
using Gateway.Logging;
using Gateway.RateLimiting;
using Gateway.Tests.Common;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.RateLimiting;

/// <summary>The key table of <see cref="LocalRateLimiter"/>: its bound, what new keys get at the bound, and the sweep
/// that frees buckets that have refilled.</summary>
public sealed class LocalRateLimiterTests
{
    [Fact]
    public void Acquire_AtTheKeyBound_NewKeysShareOneBucket_AndAWarningSaysSoOnce()
    {
        var logs = new RecordingLogger();
        var limiter = new LocalRateLimiter("r", Limit(permits: 1, TimeSpan.FromHours(1), RateLimitKeyKind.Header), logs, maxKeys: 3);

        foreach (var key in new[] { "a", "b", "c" })
        {
            Assert.True(limiter.Acquire(key).Allowed);
        }

        // Nothing refills within the test (one token an hour), so no bucket can be freed: 'd' and 'e' share one.
        Assert.True(limiter.Acquire("d").Allowed);
        Assert.False(limiter.Acquire("e").Allowed);
        Assert.False(limiter.Acquire("a").Allowed);
        Assert.Equal(3, limiter.KeyCount);
        Assert.Single(logs.Entries, e => e.EventId.Id == EventIds.RateLimitKeysFull && e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task Acquire_AtTheKeyBound_FreesBucketsThatHaveRefilled()
    {
        var limiter = new LocalRateLimiter("r", Limit(permits: 1000, TimeSpan.FromSeconds(1), RateLimitKeyKind.Header), new RecordingLogger(), maxKeys: 2);
        Assert.True(limiter.Acquire("a").Allowed);
        Assert.True(limiter.Acquire("b").Allowed);

        // A token a millisecond: both buckets are full again well before this.
        await Task.Delay(50);

        // The sweep dropped 'a' and 'b'; without it 'c' would have gone to the shared bucket and the count stayed at 2.
        Assert.True(limiter.Acquire("c").Allowed);
        Assert.Equal(1, limiter.KeyCount);
    }

    [Fact]
    public void Acquire_Refused_SaysWhenATokenComesAndWhenTheBucketIsFull()
    {
        var limiter = new LocalRateLimiter("r", Limit(permits: 2, TimeSpan.FromMinutes(1), RateLimitKeyKind.Route), new RecordingLogger());

        var first = limiter.Acquire(string.Empty);
        limiter.Acquire(string.Empty);
        var refused = limiter.Acquire(string.Empty);

        Assert.Equal(1, first.Remaining);
        Assert.False(refused.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(30), refused.RetryAfter);
        Assert.InRange(refused.Reset.TotalSeconds, 59, 60);
    }

    // A keyed limit gets a bucket of one, so a second request of a key shows whether it has a bucket of its own.
    private static RateLimit Limit(int permits, TimeSpan window, RateLimitKeyKind kind) => new()
    {
        Permits = permits,
        Window = window,
        Burst = kind == RateLimitKeyKind.Route ? permits : 1,
        Key = kind == RateLimitKeyKind.Route ? RateLimitKey.Route : new RateLimitKey { Kind = kind, Name = "X-Key" },
        Line = 1,
    };
}
