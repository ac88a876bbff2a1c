using System.Text.Json;
using Gateway.Forwarding;
using Gateway.Logging;
using Gateway.Routing;
using Gateway.Tests.Common;
using Gateway.Upstreams;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Tests.Forwarding;

public sealed class ForwardErrorsTests
{
    [Theory]
    [InlineData(ForwarderError.Request, 502)]
    [InlineData(ForwarderError.RequestCreation, 502)]
    [InlineData(ForwarderError.ResponseHeaders, 502)]
    [InlineData(ForwarderError.RequestBodyDestination, 502)]
    [InlineData(ForwarderError.ResponseBodyDestination, 502)]
    [InlineData(ForwarderError.UpgradeRequestDestination, 502)]
    [InlineData(ForwarderError.UpgradeResponseDestination, 502)]
    [InlineData(ForwarderError.RequestTimedOut, 504)]
    [InlineData(ForwarderError.UpgradeActivityTimeout, 504)]
    [InlineData(ForwarderError.NoAvailableDestinations, 503)]
    public void Classify_UpstreamFailure_StatusAndWarning(ForwarderError error, int status)
    {
        var outcome = ForwardErrors.Classify(error);

        Assert.Equal(status, outcome.StatusCode);
        Assert.Equal(LogLevel.Warning, outcome.Level);
        Assert.False(outcome.ClientFault);
    }

    [Theory]
    [InlineData(ForwarderError.RequestCanceled)]
    [InlineData(ForwarderError.RequestBodyCanceled)]
    [InlineData(ForwarderError.RequestBodyClient)]
    [InlineData(ForwarderError.ResponseBodyCanceled)]
    [InlineData(ForwarderError.ResponseBodyClient)]
    [InlineData(ForwarderError.UpgradeRequestCanceled)]
    [InlineData(ForwarderError.UpgradeRequestClient)]
    [InlineData(ForwarderError.UpgradeResponseCanceled)]
    [InlineData(ForwarderError.UpgradeResponseClient)]
    public void Classify_ClientAbort_DebugAndClientFault(ForwarderError error)
    {
        var outcome = ForwardErrors.Classify(error);

        Assert.Equal(LogLevel.Debug, outcome.Level);
        Assert.True(outcome.ClientFault);
    }

    [Fact]
    public void Classify_EveryForwarderError_NeverLogsAtErrorLevel()
    {
        Assert.All(Enum.GetValues<ForwarderError>().Where(e => e != ForwarderError.None), error => Assert.True(ForwardErrors.Classify(error).Level < LogLevel.Error));
    }

    [Fact]
    public async Task ReportAsync_ConnectFailure_Writes502ProblemAndOneWarning()
    {
        var (context, logger) = CreateContext();

        await ForwardErrors.ReportAsync(context, ForwarderError.Request, Route(), Endpoint(), logger);

        Assert.Equal(502, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        using var json = JsonDocument.Parse(((MemoryStream)context.Response.Body).ToArray());
        Assert.Equal(502, json.RootElement.GetProperty("status").GetInt32());
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(EventIds.ForwardFailed, entry.EventId.Id);
        Assert.Contains("http://127.0.0.1:1", entry.Message);
    }

    [Fact]
    public async Task ReportAsync_ClientAbort_WritesNothingAndLogsDebug()
    {
        var (context, logger) = CreateContext();

        await ForwardErrors.ReportAsync(context, ForwarderError.RequestCanceled, Route(), Endpoint(), logger);

        Assert.Equal(0, context.Response.Body.Length);
        Assert.Equal(LogLevel.Debug, Assert.Single(logger.Entries).Level);
    }

    private static (DefaultHttpContext Context, RecordingLogger Logger) CreateContext()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/users/1";
        context.Response.Body = new MemoryStream();
        return (context, new RecordingLogger());
    }

    private static RouteEntry Route() => TestTables.Snapshot(TestTables.Create(TestTables.Route(0, "users"))).GetRoute(0);

    private static EndpointState Endpoint() => new("http://127.0.0.1:1");
}
