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

    private static (UpstreamPool Pool, ManualTime Time) CreatePool(params string[] endpoints)
    {
        var upstream = new Upstream { Name = "users", Endpoints = endpoints.ToEquatableArray(), Balance = BalanceMode.RoundRobin, Line = 1 };
        var time = new ManualTime();
        var pool = new UpstreamPool(upstream, new UpstreamEndpoints(upstream.Endpoints), new RoundRobinBalancer(), PassiveHealth.Default, time);
        return (pool, time);
    }
}
