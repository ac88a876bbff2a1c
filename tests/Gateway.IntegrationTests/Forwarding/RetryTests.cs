using System.Net;
using System.Text;
using Gateway.IntegrationTests.Common;
using Gateway.Logging;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Forwarding;

/// <summary>A route's <c>retry</c> through the real gateway against real upstreams that answer as the test says: a
/// retried request reaches another endpoint and only its answer reaches the client, POST is not retried unless named,
/// a small body is replayed, and when every endpoint fails the retry budget bounds the attempts.</summary>
public sealed class RetryTests : IAsyncLifetime
{
    private readonly ITestOutputHelper _output;
    private HealthUpstream _failing = null!;
    private HealthUpstream _healthy = null!;
    private EchoUpstream _echo = null!;

    public RetryTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync()
    {
        _failing = await HealthUpstream.StartAsync("failing");
        _failing.Status = 503;
        _healthy = await HealthUpstream.StartAsync("healthy");
        _echo = await EchoUpstream.StartAsync("echo");
    }

    public async Task DisposeAsync()
    {
        await _failing.DisposeAsync();
        await _healthy.DisposeAsync();
        await _echo.DisposeAsync();
    }

    [Fact]
    public async Task Get_EndpointAnswers503_RetriedOnTheOther_AndOnlyItsAnswerReachesTheClient()
    {
        await using var gateway = await GatewayHost.StartAsync(Routes(_failing.Address + " " + _healthy.Address, "retry 2 on 503"));
        using var client = gateway.CreateClient();

        for (var i = 0; i < 10; i++)
        {
            using var response = await client.GetAsync("/any");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("healthy", await response.Content.ReadAsStringAsync());
            Assert.Equal("healthy", string.Join(",", response.Headers.GetValues("X-Answered-By")));
        }

        // Round robin sent about half of the first attempts to the failing endpoint, and each was retried on the other.
        Assert.InRange(_failing.Requests, 1, 10);
        Assert.Equal(10, _healthy.Requests);
        Assert.Contains(gateway.Logs.Entries, e => e.EventId.Id == EventIds.AttemptRetried && e.Message.Contains("status 503", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_NotRetriedByDefault_TheUpstreams503PassesThrough()
    {
        await using var gateway = await GatewayHost.StartAsync(Routes(_failing.Address + " " + _healthy.Address, "retry 2 on 503"));
        using var client = gateway.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await client.PostAsync("/any", new StringContent("x"));
            statuses.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.ServiceUnavailable, statuses);
        Assert.Equal(10, _failing.Requests + _healthy.Requests);
        Assert.DoesNotContain(gateway.Logs.Entries, e => e.EventId.Id == EventIds.AttemptRetried);
    }

    [Fact]
    public async Task Post_WithMethodsPost_IsRetried_WithItsBodyReplayed()
    {
        await using var gateway = await GatewayHost.StartAsync(Routes(_failing.Address + " " + _echo.Address, "retry 2 on 503 methods POST"));
        using var client = gateway.CreateClient();
        var body = new string('b', 10_000);

        for (var i = 0; i < 6; i++)
        {
            using var response = await client.PostAsync("/any", new StringContent(body, Encoding.UTF8));
            var echo = await EchoReply.ReadAsync(response);
            Assert.Equal("echo", echo.Upstream);
            Assert.Equal(body.Length, echo.BodyLength);
        }

        Assert.InRange(_failing.Requests, 1, 6);
    }

    [Fact]
    public async Task Post_Http2BodyWithoutLength_IsNeverRetriedWithAnEmptyBody()
    {
        // An HTTP/2 body needs no Content-Length; once the first endpoint has read it there is nothing to send again, so
        // the 503 must pass through rather than be retried with an empty body.
        await using var gateway = await GatewayHost.StartAsync(Routes(_failing.Address + " " + _echo.Address, "retry 2 on 503 methods POST"));
        using var client = new HttpClient
        {
            BaseAddress = gateway.PublicUri,
            DefaultRequestVersion = System.Net.HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            // A stream that cannot seek has no length, so HttpClient sends no Content-Length.
            using var body = new StreamContent(new UnseekableStream(Encoding.UTF8.GetBytes(new string('b', 1000))));
            using var response = await client.PostAsync("/any", body);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal(1000, (await EchoReply.ReadAsync(response)).BodyLength);
            }
        }

        Assert.Contains(HttpStatusCode.ServiceUnavailable, statuses);
        Assert.DoesNotContain(gateway.Logs.Entries, e => e.EventId.Id == EventIds.AttemptRetried);
    }

    [Fact]
    public async Task Get_EveryEndpointFails_AttemptsStayWithinTheRetryBudget()
    {
        var second = await HealthUpstream.StartAsync("failing-too");
        second.Status = 503;
        await using (second)
        {
            await using var gateway = await GatewayHost.StartAsync(Routes(_failing.Address + " " + second.Address, "retry 3 on 503 backoff 1ms"));
            using var client = gateway.CreateClient();

            const int requests = 200;
            for (var i = 0; i < requests; i++)
            {
                using var response = await client.GetAsync("/any");
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            }

            // Without a budget, 3 retries each would make 800 attempts; the budget allows 20% of the requests, or at least
            // 10 retries in 10 s.
            var attempts = _failing.Requests + second.Requests;
            _output.WriteLine($"{requests} requests, {attempts} upstream attempts ({(double)attempts / requests:F2}x); without the budget {requests * 4}");
            Assert.InRange(attempts, requests + 10, (requests * 1.2) + 10);

            // Once the budget is spent no answer is held back for a retry that cannot come: the client gets the
            // upstream's own 503, headers and all.
            using var last = await client.GetAsync("/any");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, last.StatusCode);
            Assert.True(last.Headers.Contains("X-Answered-By"), "the last 503 is the gateway's, not the upstream's");
        }
    }

    private static string Routes(string endpoints, string retry) => $$"""
        upstream pool {
          endpoints {{endpoints}}
          balance round_robin
        }

        route all {
          path /**
          {{retry}}
          to pool
        }
        """;

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
