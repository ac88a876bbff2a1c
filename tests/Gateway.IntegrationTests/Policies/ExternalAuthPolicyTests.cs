using System.Net;
using Gateway.IntegrationTests.Common;
using Gateway.Logging;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Policies;

/// <summary>The <c>ext-auth</c> policy through the real gateway, against a real authorization service that allows, denies,
/// redirects, hangs, fails or is not there, and a real upstream whose request count shows what got through.</summary>
public sealed class ExternalAuthPolicyTests : IAsyncLifetime
{
    private readonly string _keysFile = Path.Combine(Path.GetTempPath(), $"gateway-extauth-keys-{Guid.NewGuid():N}");
    private EchoUpstream _upstream = null!;
    private AuthService _auth = null!;
    private ClosedPort _down = null!;
    private GatewayHost _gateway = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(_keysFile, "acme acme-key\n");
        _upstream = await EchoUpstream.StartAsync("echo");
        _auth = await AuthService.StartAsync();
        _down = ClosedPort.Reserve();
        _gateway = await GatewayHost.StartAsync(Routes());

        // Redirects and cookies are the gateway's answer to look at, not for the test's client to act on.
        _client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = _gateway.PublicUri,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _gateway.DisposeAsync();
        await _auth.DisposeAsync();
        await _upstream.DisposeAsync();
        _down.Dispose();
        File.Delete(_keysFile);
    }

    [Fact]
    public async Task ApplyAsync_Allowed_ForwardHeadersCopiedAndClientCopiesRemoved()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/allow/x");
        request.Headers.Add("X-User", "root");
        request.Headers.Add("X-Absent", "forged");
        request.Headers.Add("X-Other", "kept");
        using var response = await _client.SendAsync(request);
        var echo = await EchoReply.ReadAsync(response);

        Assert.Equal("alice", echo.Headers["x-user"]);
        Assert.Equal("gold", echo.Headers["x-tier"]);
        Assert.False(echo.Headers.ContainsKey("x-absent"));
        Assert.Equal("kept", echo.Headers["x-other"]);
        Assert.Equal(1, _upstream.Requests);
    }

    [Fact]
    public async Task ApplyAsync_AllowedWithoutHeaders_ClientCopyStillRemoved()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/bare/x");
        request.Headers.Add("X-User", "root");
        using var response = await _client.SendAsync(request);
        var echo = await EchoReply.ReadAsync(response);

        Assert.False(echo.Headers.ContainsKey("x-user"));
    }

    [Fact]
    public async Task ApplyAsync_AllHeaders_SentWithForwardedRequestDetails()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/allow/some/where?page=2&q=a%20b")
        {
            Content = new StringContent("a body the service never gets"),
        };
        request.Headers.Add("Authorization", "Bearer abc");
        request.Headers.Add("Cookie", "session=1");
        request.Headers.Add("X-Custom", "yes");
        request.Headers.Add("X-Hop", "connection-only");
        request.Headers.Connection.Add("X-Hop");
        request.Headers.Add("X-Forwarded-For", "10.0.0.1");
        request.Headers.Add("X-Forwarded-Method", "DELETE");
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var seen = Assert.Single(_auth.RequestsTo("/allow"));
        Assert.Equal("GET", seen[":method"]);
        Assert.Equal("0", seen[":body-length"]);
        Assert.Equal("Bearer abc", seen["authorization"]);
        Assert.Equal("session=1", seen["cookie"]);
        Assert.Equal("yes", seen["x-custom"]);
        Assert.Equal("POST", seen["x-forwarded-method"]);
        Assert.Equal("/allow/some/where?page=2&q=a%20b", seen["x-forwarded-uri"]);
        Assert.Equal(_gateway.PublicUri.Authority, seen["x-forwarded-host"]);
        Assert.Equal("http", seen["x-forwarded-proto"]);
        Assert.Equal("10.0.0.1, 127.0.0.1", seen["x-forwarded-for"]);
        Assert.False(seen.ContainsKey("x-hop"));
        Assert.False(seen.ContainsKey("content-type"));
        Assert.Equal(new Uri(_auth.Address).Authority, seen["host"]);
    }

    [Fact]
    public async Task ApplyAsync_SendHeadersListed_OnlyThoseSent()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/some/x");
        request.Headers.Add("Authorization", "Bearer abc");
        request.Headers.Add("Cookie", "session=1");
        request.Headers.Add("X-Custom", "yes");
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var seen = Assert.Single(_auth.RequestsTo("/allow"));
        Assert.Equal("Bearer abc", seen["authorization"]);
        Assert.False(seen.ContainsKey("cookie"));
        Assert.False(seen.ContainsKey("x-custom"));
        Assert.Equal("GET", seen["x-forwarded-method"]);
    }

    [Fact]
    public async Task ApplyAsync_Denied_ServiceAnswerPassedThroughAndNeverForwarded()
    {
        using var response = await _client.GetAsync("/deny/x");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(AuthService.DenyBody, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer realm=\"partners\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(["auth_state=1; Path=/", "other=2; Path=/"], response.Headers.GetValues("Set-Cookie"));
        Assert.False(response.Headers.Contains("X-Internal"));
        Assert.Equal(0, _upstream.Requests);
        Assert.Contains(_gateway.Logs.Entries, e => e.EventId.Id == EventIds.ExternalAuthDenied && e.Level == LogLevel.Debug);
        Assert.DoesNotContain(_gateway.Logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task ApplyAsync_Redirected_LocationPassedThrough()
    {
        using var response = await _client.GetAsync("/redirect/x");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("https://login.example.com/?next=%2F", response.Headers.Location?.OriginalString);
        Assert.Equal(0, _upstream.Requests);
    }

    [Fact]
    public async Task ApplyAsync_DenialBodyTooLarge_StatusAndChallengeWithoutBody()
    {
        using var response = await _client.GetAsync("/big/x");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic realm=\"big\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Null(response.Content.Headers.ContentType);
        Assert.Equal(0, _upstream.Requests);
    }

    [Theory]
    [InlineData("/hang-deny/x")]
    [InlineData("/fail-deny/x")]
    [InlineData("/down-deny/x")]
    public async Task ApplyAsync_ServiceCannotAnswerOnErrorDeny_503FromTheGateway(string path)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("could not ask the authorization service", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, _upstream.Requests);
    }

    [Theory]
    [InlineData("/hang-allow/x")]
    [InlineData("/fail-allow/x")]
    [InlineData("/down-allow/x")]
    public async Task ApplyAsync_ServiceCannotAnswerOnErrorAllow_ForwardedWithoutForgedHeaders(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-User", "root");
        using var response = await _client.SendAsync(request);
        var echo = await EchoReply.ReadAsync(response);

        Assert.False(echo.Headers.ContainsKey("x-user"));
        Assert.Equal(1, _upstream.Requests);
    }

    [Fact]
    public async Task ApplyAsync_Timeout_CallCancelled()
    {
        using var response = await _client.GetAsync("/hang-deny/x");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        await Eventually.TrueAsync(() => Task.FromResult(_auth.Cancelled == 1), "the service sees the call cancelled");
    }

    [Fact]
    public async Task ApplyAsync_ClientGoesAway_CallCancelledAndNothingForwarded()
    {
        using var cancel = new CancellationTokenSource();
        var sending = _client.GetAsync("/hang-long/x", cancel.Token);
        await Eventually.TrueAsync(() => Task.FromResult(_auth.RequestsTo("/hang").Count == 1), "the service is asked");

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        await Eventually.TrueAsync(() => Task.FromResult(_auth.Cancelled == 1), "the service sees the call cancelled");
        Assert.Equal(0, _upstream.Requests);
    }

    [Fact]
    public async Task ApplyAsync_FailureStreak_OneWarning()
    {
        for (var i = 0; i < 3; i++)
        {
            using var response = await _client.GetAsync("/fail-deny/x");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }

        var warning = Assert.Single(_gateway.Logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(EventIds.ExternalAuthFailed, warning.EventId.Id);
        Assert.Contains("it answered 500", warning.Message, StringComparison.Ordinal);
        Assert.Equal(3, _gateway.Logs.Entries.Count(e => e.EventId.Id == EventIds.ExternalAuthUnavailable && e.Level == LogLevel.Debug));
    }

    [Fact]
    public async Task ApplyAsync_ServiceRecoversAndFailsAgain_OneRecoveryAndANewWarning()
    {
        _auth.Failing = true;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync("/flaky/x"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync("/flaky/x"));
        _auth.Failing = false;
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/flaky/x"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/flaky/x"));
        _auth.Failing = true;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync("/flaky/x"));

        var entries = _gateway.Logs.Entries;
        Assert.Equal(2, entries.Count(e => e.EventId.Id == EventIds.ExternalAuthFailed));
        var recovered = Assert.Single(entries, e => e.EventId.Id == EventIds.ExternalAuthRecovered);
        Assert.Equal(LogLevel.Information, recovered.Level);
    }

    [Fact]
    public async Task ApplyAsync_ApiKeyMissing_RejectedBeforeTheServiceIsAsked()
    {
        using var missing = await _client.GetAsync("/keyed/x");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/keyed/x");
        request.Headers.Add("X-Api-Key", "acme-key");
        using var allowed = await _client.SendAsync(request);
        var echo = await EchoReply.ReadAsync(allowed);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Single(_auth.RequestsTo("/allow"));
        Assert.Equal("acme", echo.Headers["x-consumer"]);
        Assert.Equal("alice", echo.Headers["x-user"]);
    }

    private async Task<HttpStatusCode> StatusAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        return response.StatusCode;
    }

    private string Routes() => $$"""
        upstream echo { endpoints {{_upstream.Address}} }

        route allow {
          path /allow/**
          ext-auth {
            url {{_auth.Address}}/allow
            forward-headers X-User X-Tier X-Absent
          }
          to echo
        }

        route bare {
          path /bare/**
          ext-auth {
            url {{_auth.Address}}/allow-bare
            forward-headers X-User
          }
          to echo
        }

        route some {
          path /some/**
          ext-auth {
            url {{_auth.Address}}/allow
            send-headers Authorization
          }
          to echo
        }

        route deny {
          path /deny/**
          ext-auth { url {{_auth.Address}}/deny }
          to echo
        }

        route redirect {
          path /redirect/**
          ext-auth { url {{_auth.Address}}/redirect }
          to echo
        }

        route big {
          path /big/**
          ext-auth { url {{_auth.Address}}/big }
          to echo
        }

        route hang-deny {
          path /hang-deny/**
          ext-auth {
            url {{_auth.Address}}/hang
            timeout 200ms
          }
          to echo
        }

        route hang-allow {
          path /hang-allow/**
          ext-auth {
            url {{_auth.Address}}/hang
            timeout 200ms
            on-error allow
            forward-headers X-User
          }
          to echo
        }

        route hang-long {
          path /hang-long/**
          ext-auth {
            url {{_auth.Address}}/hang
            timeout 1m
          }
          to echo
        }

        route fail-deny {
          path /fail-deny/**
          ext-auth { url {{_auth.Address}}/fail }
          to echo
        }

        route fail-allow {
          path /fail-allow/**
          ext-auth {
            url {{_auth.Address}}/fail
            on-error allow
            forward-headers X-User
          }
          to echo
        }

        route flaky {
          path /flaky/**
          ext-auth { url {{_auth.Address}}/flaky }
          to echo
        }

        route down-deny {
          path /down-deny/**
          ext-auth { url http://127.0.0.1:{{_down.Port}}/check }
          to echo
        }

        route down-allow {
          path /down-allow/**
          ext-auth {
            url http://127.0.0.1:{{_down.Port}}/check
            on-error allow
            forward-headers X-User
          }
          to echo
        }

        route keyed {
          path /keyed/**
          api-key { keys-file {{_keysFile}} }
          ext-auth {
            url {{_auth.Address}}/allow
            forward-headers X-User
          }
          forward consumer as X-Consumer
          to echo
        }
        """;
}
