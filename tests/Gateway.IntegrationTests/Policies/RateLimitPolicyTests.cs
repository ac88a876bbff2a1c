using System.Diagnostics;
using System.Net;
using Gateway.IntegrationTests.Common;
using Gateway.Logging;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Policies;

/// <summary><c>limit</c> counted in the gateway's process, through the real gateway and a real upstream: the 429 and its
/// headers, keys, the headers on admitted responses, and the admitted count under concurrent clients.</summary>
public sealed class RateLimitPolicyTests : IAsyncLifetime
{
    private readonly ITestOutputHelper _output;
    private readonly string _folder = Directory.CreateTempSubdirectory("gateway-limit-").FullName;
    private EchoUpstream _upstream = null!;
    private GatewayHost _gateway = null!;
    private HttpClient _client = null!;

    public RateLimitPolicyTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "keys"), "acme acme-key\nglobex globex-key\n");
        _upstream = await EchoUpstream.StartAsync("echo");
        _gateway = await GatewayHost.StartAsync($$"""
            upstream echo {
              endpoints {{_upstream.Address}}
            }

            policy metered {
              limit 3/m
            }

            route whole {
              path /whole
              limit 2/m
              to echo
            }

            route tenants {
              path /tenants
              limit 2/m by header X-Tenant
              to echo
            }

            route consumers {
              path /consumers
              api-key {
                keys-file {{Path.Combine(_folder, "keys")}}
              }
              limit 1/h by consumer
              to echo
            }

            route grouped {
              path /grouped
              use metered
              to echo
            }

            route unlimited {
              path /unlimited
              use metered
              limit off
              to echo
            }

            """);
        _client = _gateway.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ApplyAsync_OverTheLimit_Answers429WithRetryAfterAndNeverReachesTheUpstream()
    {
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/whole"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/whole"));
        using var refused = await _client.GetAsync("/whole");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        // 2/m refills one token every 30 s.
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter!.Value.TotalSeconds, 1, 30);
        Assert.Equal("\"whole\";q=2;w=60", Header(refused, "RateLimit-Policy"));
        Assert.StartsWith("\"whole\";r=0;t=", Header(refused, "RateLimit"), StringComparison.Ordinal);
        Assert.Equal(2, _upstream.Requests);
        Assert.Contains(_gateway.Logs.Entries, e => e.EventId.Id == EventIds.RateLimited && e.Message.Contains("whole", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApplyAsync_AdmittedResponses_CarryTheCountLeft()
    {
        using var first = await _client.GetAsync("/whole");
        using var second = await _client.GetAsync("/whole");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("\"whole\";q=2;w=60", Header(first, "RateLimit-Policy"));
        Assert.StartsWith("\"whole\";r=1;t=", Header(first, "RateLimit"), StringComparison.Ordinal);
        Assert.StartsWith("\"whole\";r=0;t=", Header(second, "RateLimit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_ByHeader_CountsEachValueApart_AndRequestsWithoutItShareOneBucket()
    {
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/tenants", ("X-Tenant", "a")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/tenants", ("X-Tenant", "a")));
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync("/tenants", ("X-Tenant", "a")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/tenants", ("X-Tenant", "b")));

        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/tenants"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/tenants"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync("/tenants"));
    }

    [Fact]
    public async Task ApplyAsync_ByConsumer_CountsEachConsumerApart()
    {
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/consumers", ("X-Api-Key", "acme-key")));
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync("/consumers", ("X-Api-Key", "acme-key")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/consumers", ("X-Api-Key", "globex-key")));

        // Authentication runs first: a request without a key is refused for that, and takes no token.
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync("/consumers"));
    }

    [Fact]
    public async Task ApplyAsync_GroupLimit_AppliesUnlessTheRouteSwitchesItOff()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await StatusAsync("/grouped"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync("/grouped"));
        for (var i = 0; i < 5; i++)
        {
            using var response = await _client.GetAsync("/unlimited");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("RateLimit"));
        }
    }

    private async Task<HttpStatusCode> StatusAsync(string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        using var response = await _client.SendAsync(request);
        return response.StatusCode;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "(missing)";
}
