using Gateway.Balancing;
using Gateway.Dsl.Collections;
using Gateway.Dsl.Model;
using Gateway.Upstreams;

namespace Gateway.Tests.Upstreams;

public sealed class PassiveHealthTests
{
    [Fact]
    public void RecordFailure_ConnectFailure_EndpointPassedOverForTheDuration()
    {
        var (pool, time) = CreatePool("http://a:1", "http://b:2");
        var a = pool.Endpoints.Current[0];

        Assert.True(pool.RecordFailure(a, AttemptFailure.ConnectFailure));

        Assert.All(Enumerable.Range(0, 10), _ => Assert.Equal("http://b:2", pool.Pick()!.Address));
        time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.All(Enumerable.Range(0, 10), _ => Assert.Equal("http://b:2", pool.Pick()!.Address));
        time.Advance(TimeSpan.FromSeconds(0.2));
        Assert.Contains("http://a:1", Enumerable.Range(0, 4).Select(_ => pool.Pick()!.Address));
    }

    [Theory]
    [InlineData(AttemptFailure.None)]
    [InlineData(AttemptFailure.Reset)]
    [InlineData(AttemptFailure.ClientAborted)]
    [InlineData(AttemptFailure.Other)]
    public void RecordFailure_NotAConnectFailureOrTimeout_NotPassedOver(AttemptFailure failure)
    {
        var (pool, _) = CreatePool("http://a:1", "http://b:2");

        Assert.False(pool.RecordFailure(pool.Endpoints.Current[0], failure));

        Assert.Equal(["http://a:1", "http://b:2"], Enumerable.Range(0, 2).Select(_ => pool.Pick()!.Address));
    }

    [Fact]
    public void RecordFailure_Timeout_PassedOver()
    {
        var (pool, _) = CreatePool("http://a:1", "http://b:2");

        Assert.True(pool.RecordFailure(pool.Endpoints.Current[1], AttemptFailure.Timeout));

        Assert.All(Enumerable.Range(0, 4), _ => Assert.Equal("http://a:1", pool.Pick()!.Address));
    }

    [Fact]
    public void RecordFailure_EveryEndpointFails_AtMostHalfPassedOver()
    {
        var (pool, _) = CreatePool("http://a:1", "http://b:2", "http://c:3", "http://d:4");

        var passedOver = pool.Endpoints.Current.Count(e => pool.RecordFailure(e, AttemptFailure.ConnectFailure));

        Assert.Equal(2, passedOver);
        Assert.Equal(2, Enumerable.Range(0, 40).Select(_ => pool.Pick()!.Address).Distinct().Count());
    }

    [Fact]
    public void RecordFailure_OnlyEndpoint_StillPicked()
    {
        var (pool, _) = CreatePool("http://a:1");

        Assert.True(pool.RecordFailure(pool.Endpoints.Current[0], AttemptFailure.ConnectFailure));

        Assert.Equal("http://a:1", pool.Pick()!.Address);
    }

    [Fact]
    public void RecordFailure_AlreadyPassedOver_NotCountedAgain()
    {
        var (pool, _) = CreatePool("http://a:1", "http://b:2");
        var a = pool.Endpoints.Current[0];

        Assert.True(pool.RecordFailure(a, AttemptFailure.ConnectFailure));
        Assert.False(pool.RecordFailure(a, AttemptFailure.ConnectFailure));
    }

    [Fact]
    public void Pick_AvoidGiven_ChoosesAnotherEndpoint()
    {
        var (pool, _) = CreatePool("http://a:1", "http://b:2", "http://c:3");
        var b = pool.Endpoints.Current[1];

        Assert.All(Enumerable.Range(0, 9), _ => Assert.NotSame(b, pool.Pick(avoid: b)));
    }

    [Fact]
    public void RecordAttempt_Outlier_EjectsOnlyAfterTheConsecutiveCount()
    {
        var (pool, _) = CreatePool(Outlier(consecutive: 3), "http://a:1", "http://b:2");
        var a = pool.Endpoints.Current[0];

        Assert.Equal(TimeSpan.Zero, pool.RecordAttempt(a, AttemptFailure.None, 503));
        Assert.Equal(TimeSpan.Zero, pool.RecordAttempt(a, AttemptFailure.Reset, 0));
        Assert.Equal(TimeSpan.FromSeconds(30), pool.RecordAttempt(a, AttemptFailure.None, 500));

        Assert.All(Enumerable.Range(0, 4), _ => Assert.Equal("http://b:2", pool.Pick()!.Address));
    }

    [Fact]
    public void RecordAttempt_Outlier_SuccessResetsTheCount()
    {
        var (pool, _) = CreatePool(Outlier(consecutive: 2), "http://a:1", "http://b:2");
        var a = pool.Endpoints.Current[0];

        Assert.Equal(TimeSpan.Zero, pool.RecordAttempt(a, AttemptFailure.None, 502));
        Assert.Equal(TimeSpan.Zero, pool.RecordAttempt(a, AttemptFailure.None, 404));
        Assert.Equal(TimeSpan.Zero, pool.RecordAttempt(a, AttemptFailure.None, 502));
        Assert.Equal(TimeSpan.FromSeconds(30), pool.RecordAttempt(a, AttemptFailure.None, 502));
    }

    [Fact]
    public void RecordAttempt_Outlier_ClientAbortNeitherCountsNorResets()
    {
        var (pool, _) = CreatePool(Outlier(consecutive: 2), "http://a:1", "http://b:2");
        var a = pool.Endpoints.Current[0];

        Assert.Equal(TimeSpan.Zero, pool.RecordAttempt(a, AttemptFailure.ConnectFailure, 0));
        Assert.Equal(TimeSpan.Zero, pool.RecordAttempt(a, AttemptFailure.ClientAborted, 0));
        Assert.Equal(TimeSpan.FromSeconds(30), pool.RecordAttempt(a, AttemptFailure.Timeout, 0));
    }

    [Fact]
    public void RecordAttempt_Outlier_EachEjectionLastsLonger_UpToTenTimes()
    {
        var (pool, time) = CreatePool(Outlier(consecutive: 1, eject: TimeSpan.FromSeconds(1)), "http://a:1", "http://b:2");
        var a = pool.Endpoints.Current[0];

        var durations = new List<double>();
        for (var i = 0; i < 12; i++)
        {
            var duration = pool.RecordAttempt(a, AttemptFailure.None, 500);
            durations.Add(duration.TotalSeconds);
            time.Advance(duration + TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10], durations);
    }

    [Fact]
    public void RecordAttempt_Outlier_EndpointInForTheLongestEjection_StartsAgainFromOne()
    {
        var (pool, time) = CreatePool(Outlier(consecutive: 1, eject: TimeSpan.FromSeconds(1)), "http://a:1", "http://b:2");
        var a = pool.Endpoints.Current[0];
        Assert.Equal(TimeSpan.FromSeconds(1), pool.RecordAttempt(a, AttemptFailure.None, 500));
        time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal(TimeSpan.FromSeconds(2), pool.RecordAttempt(a, AttemptFailure.None, 500));

        // Ten seconds (ten times the ejection) after the last ejection ended.
        time.Advance(TimeSpan.FromSeconds(12.5));

        Assert.Equal(TimeSpan.FromSeconds(1), pool.RecordAttempt(a, AttemptFailure.None, 500));
    }

    [Theory]
    [InlineData(50, 2)]
    [InlineData(25, 1)]
    [InlineData(10, 1)]
    [InlineData(100, 4)]
    public void RecordAttempt_OutlierEveryEndpointFails_AtMostItsShareEjected(int percent, int ejected)
    {
        var (pool, _) = CreatePool(Outlier(consecutive: 1, max: percent), "http://a:1", "http://b:2", "http://c:3", "http://d:4");

        var count = pool.Endpoints.Current.Count(e => pool.RecordAttempt(e, AttemptFailure.None, 503) > TimeSpan.Zero);

        Assert.Equal(ejected, count);
    }

    [Fact]
    public void RecordFailure_OutlierOff_NeverPassedOver()
    {
        var (pool, _) = CreatePool(new OutlierDetection { Enabled = false, Line = 1 }, "http://a:1", "http://b:2");
        var a = pool.Endpoints.Current[0];

        Assert.False(pool.RecordFailure(a, AttemptFailure.ConnectFailure));
        Assert.False(pool.RecordFailure(a, AttemptFailure.Timeout));

        Assert.Contains("http://a:1", Enumerable.Range(0, 4).Select(_ => pool.Pick()!.Address));
    }

    [Fact]
    public void RecordAttempt_NoOutlier_A5xxDoesNotCount()
    {
        var (pool, _) = CreatePool("http://a:1", "http://b:2");

        Assert.Equal(TimeSpan.Zero, pool.RecordAttempt(pool.Endpoints.Current[0], AttemptFailure.None, 503));
        Assert.Equal(TimeSpan.FromSeconds(10), pool.RecordAttempt(pool.Endpoints.Current[0], AttemptFailure.ConnectFailure, 0));
    }

    private static OutlierDetection Outlier(int consecutive, TimeSpan? eject = null, int max = 50) => new()
    {
        Enabled = true,
        ConsecutiveFailures = consecutive,
        EjectionDuration = eject ?? TimeSpan.FromSeconds(30),
        MaxEjectionPercent = max,
        Line = 1,
    };

    private static (UpstreamPool Pool, ManualTime Time) CreatePool(params string[] endpoints) => CreatePool(null, endpoints);

    private static (UpstreamPool Pool, ManualTime Time) CreatePool(OutlierDetection? outlier, params string[] endpoints)
    {
        var upstream = new Upstream { Name = "users", Endpoints = endpoints.ToEquatableArray(), Balance = BalanceMode.RoundRobin, Outlier = outlier, Line = 1 };
        var time = new ManualTime();
        var pool = new UpstreamPool(upstream, new UpstreamEndpoints(upstream.Endpoints), new RoundRobinBalancer(), PassiveHealth.From(outlier), time);
        return (pool, time);
    }
}
