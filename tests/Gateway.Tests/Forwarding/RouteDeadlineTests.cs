using Gateway.Forwarding;
using Gateway.Tests.Common;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Tests.Forwarding;

/// <summary>Which of YARP's cancels a route's deadline turns into a timeout, and when.</summary>
public sealed class RouteDeadlineTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(300);

    [Fact]
    public void Start_RouteWithoutTimeout_ReturnsNull() => Assert.Null(RouteDeadline.Start(null, new DefaultHttpContext(), TimeProvider.System));

    [Fact]
    public void Classify_BeforeItElapses_KeepsTheClientsCancel()
    {
        var (deadline, _, _) = CreateDeadline();

        Assert.False(deadline.Elapsed);
        Assert.False(deadline.Token.IsCancellationRequested);
        Assert.Equal(ForwarderError.RequestCanceled, deadline.Classify(ForwarderError.RequestCanceled));
    }

    [Theory]
    [InlineData(ForwarderError.RequestCanceled)]
    [InlineData(ForwarderError.RequestBodyCanceled)]
    [InlineData(ForwarderError.ResponseBodyCanceled)]
    [InlineData(ForwarderError.UpgradeRequestCanceled)]
    [InlineData(ForwarderError.UpgradeResponseCanceled)]
    public void Classify_ElapsedWhileTheClientIsThere_CancelIsATimeout(ForwarderError error)
    {
        var (deadline, timers, _) = CreateDeadline();

        timers.Advance(Timeout);

        Assert.True(deadline.Elapsed);
        Assert.True(deadline.Token.IsCancellationRequested);
        Assert.Equal(ForwarderError.RequestTimedOut, deadline.Classify(error));
    }

    [Theory]
    [InlineData(ForwarderError.None)]
    [InlineData(ForwarderError.Request)]
    [InlineData(ForwarderError.ResponseBodyDestination)]
    public void Classify_ElapsedButNotACancel_KeepsTheError(ForwarderError error)
    {
        var (deadline, timers, _) = CreateDeadline();

        timers.Advance(Timeout);

        Assert.Equal(error, deadline.Classify(error));
    }

    [Fact]
    public void Classify_ClientLeftFirst_StaysTheClientsCancel()
    {
        var (deadline, timers, client) = CreateDeadline();

        client.Cancel();
        timers.Advance(Timeout);

        Assert.False(deadline.Elapsed);
        Assert.Equal(ForwarderError.RequestCanceled, deadline.Classify(ForwarderError.RequestCanceled));
    }

    private static (RouteDeadline Deadline, ManualTimers Timers, CancellationTokenSource Client) CreateDeadline()
    {
        var timers = new ManualTimers();
        var client = new CancellationTokenSource();
        var context = new DefaultHttpContext { RequestAborted = client.Token };
        return (RouteDeadline.Start(Timeout, context, timers)!, timers, client);
    }
}
