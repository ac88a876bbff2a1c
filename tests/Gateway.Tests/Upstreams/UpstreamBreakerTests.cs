using Gateway.Dsl.Model;
using Gateway.Upstreams;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.CircuitBreaker;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Tests.Upstreams;

public sealed class UpstreamBreakerTests
{
    [Theory]
    [InlineData(AttemptFailure.None, 200, false)]
    [InlineData(AttemptFailure.None, 404, false)]
    [InlineData(AttemptFailure.None, 499, false)]
    [InlineData(AttemptFailure.None, 500, true)]
    [InlineData(AttemptFailure.None, 503, true)]
    [InlineData(AttemptFailure.ConnectFailure, 0, true)]
    [InlineData(AttemptFailure.Reset, 0, true)]
    [InlineData(AttemptFailure.Timeout, 0, true)]
    [InlineData(AttemptFailure.Other, 0, true)]
    [InlineData(AttemptFailure.ClientAborted, 0, false)]
    public void IsFailure_Outcome_CountsOnlyTheUpstreamsFailures(AttemptFailure failure, int status, bool expected)
    {
        var attempt = new AttemptOutcome(null, ForwarderError.None, failure, status, UpstreamRefusal.None);

        Assert.Equal(expected, UpstreamBreaker.IsFailure(attempt));
    }

    [Fact]
    public async Task SendAsync_Open_RefusesWithoutRunningTheAttempt()
    {
        var breaker = CreateBreaker();
        var runs = 0;
        var failed = new AttemptOutcome(null, ForwarderError.None, AttemptFailure.None, 500, UpstreamRefusal.None);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(500, (await breaker.SendAsync(_ => { runs++; return ValueTask.FromResult(failed); }, 0)).Status);
        }

        var refused = await breaker.SendAsync(_ => { runs++; return ValueTask.FromResult(failed); }, 0);

        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.Equal(UpstreamRefusal.BreakerOpen, refused.Refusal);
        Assert.Equal(2, runs);
    }

    private static UpstreamBreaker CreateBreaker() => new(
        "users",
        new CircuitBreaker { FailurePercent = 50, MinimumThroughput = 2, SamplingDuration = TimeSpan.FromSeconds(30), BreakDuration = TimeSpan.FromMinutes(5), Line = 1 },
        TimeProvider.System,
        NullLogger.Instance);
}
