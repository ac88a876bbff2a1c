using System.Net;
using System.Security.Cryptography;
using System.Text;
using Gateway.IntegrationTests.Common;
using Gateway.Logging;
using Gateway.Policies;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Policies;

/// <summary>The <c>api-key</c> policy through the real gateway, with keys files on disk and a real upstream whose request
/// count shows that rejected requests never reached it.</summary>
public sealed class ApiKeyPolicyTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gateway-apikey-").FullName;
    private EchoUpstream _upstream = null!;
    private GatewayHost _gateway = null!;
    private HttpClient _client = null!;

    private string KeysPath => Path.Combine(_folder, "keys");

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(KeysPath, $"""
            # test consumers
            acme acme-key-1
            globex sha256:{Convert.ToHexString(SHA256.HashData("globex-key"u8))}
            """);
        _upstream = await EchoUpstream.StartAsync("echo");
        _gateway = await GatewayHost.StartAsync(Routes(), ("Gateway:KeysFileCheckInterval", "00:00:00.100"));
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
    public async Task ApplyAsync_RightKeyInHeader_ForwardsWithConsumer()
    {
        using var response = await SendAsync("/h/x", "acme-key-1");
        var echo = await EchoReply.ReadAsync(response);

        Assert.Equal("acme", echo.Headers["x-consumer"]);
        Assert.Equal(1, _upstream.Requests);
    }

    [Fact]
    public async Task ApplyAsync_HashedKey_ForwardsWithConsumer()
    {
        using var response = await SendAsync("/h/x", "globex-key");
        var echo = await EchoReply.ReadAsync(response);

        Assert.Equal("globex", echo.Headers["x-consumer"]);
    }

    [Fact]
    public async Task ApplyAsync_ForgedConsumerHeader_ReplacedByTheKeysConsumer()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/h/x");
        request.Headers.Add("X-Api-Key", "acme-key-1");
        request.Headers.Add("X-Consumer", "root");
        using var response = await _client.SendAsync(request);
        var echo = await EchoReply.ReadAsync(response);

        Assert.Equal("acme", echo.Headers["x-consumer"]);
    }

    [Fact]
    public async Task ApplyAsync_WrongKey_401WithChallengeAndNeverForwarded()
    {
        using var response = await SendAsync("/h/x", "acme-key-2");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(ApiKeyPolicy.Challenge, response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not valid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, _upstream.Requests);
    }

    [Fact]
    public async Task ApplyAsync_MissingKey_401WithChallengeAndNeverForwarded()
    {
        using var response = await SendAsync("/h/x", key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("ApiKey realm=\"gateway\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Contains("carries none", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, _upstream.Requests);
    }

    [Fact]
    public async Task ApplyAsync_KeyTwice_401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/h/x");
        request.Headers.TryAddWithoutValidation("X-Api-Key", ["acme-key-1", "acme-key-1"]);
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _upstream.Requests);
    }

    [Fact]
    public async Task ApplyAsync_KeyInQueryParameter_Forwarded()
    {
        using var response = await _client.GetAsync("/q/x?api_key=acme-key-1");
        var echo = await EchoReply.ReadAsync(response);

        Assert.Equal("acme", echo.Headers["x-consumer"]);
    }

    [Fact]
    public async Task ApplyAsync_QueryRouteKeyInHeader_401()
    {
        using var response = await SendAsync("/q/x", "acme-key-1");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _upstream.Requests);
    }

    [Fact]
    public async Task ApplyAsync_WrongKeyInQueryParameter_401()
    {
        using var response = await _client.GetAsync("/q/x?api_key=nope");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _upstream.Requests);
    }

    [Fact]
    public async Task ApplyAsync_KeysFileMissingAtStart_503AndNeverForwarded()
    {
        using var response = await SendAsync("/m/x", "acme-key-1");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("cannot check API keys", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, _upstream.Requests);
        Assert.Contains(_gateway.Logs.Entries, e => e.EventId.Id == EventIds.ApiKeysUnavailable && e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task ApplyAsync_KeysFileChanged_NewKeyAcceptedAndRemovedKeyRejected()
    {
        await WriteAtomicallyAsync("acme acme-key-rotated\n");

        await Eventually.TrueAsync(async () => await StatusAsync("/h/x", "acme-key-rotated") == HttpStatusCode.OK, "the new key is accepted");
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync("/h/x", "acme-key-1"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync("/h/x", "globex-key"));
    }

    [Fact]
    public async Task ApplyAsync_KeysFileMadeMalformed_LastGoodKeysKept()
    {
        await WriteAtomicallyAsync("not a keys file at all, just words\n");
        await Eventually.TrueAsync(() => Task.FromResult(_gateway.Logs.Entries.Any(e => e.EventId.Id == EventIds.ApiKeysKept)),
            "the malformed file is noticed");

        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/h/x", "acme-key-1"));
        var warning = Assert.Single(_gateway.Logs.Entries, e => e.EventId.Id == EventIds.ApiKeysKept);
        Assert.Equal(LogLevel.Warning, warning.Level);
    }

    [Fact]
    public async Task ApplyAsync_Rejections_LogAtDebugWithoutTheKey()
    {
        await StatusAsync("/h/x", "wrong-secret-value");
        await StatusAsync("/h/x", null);

        var entries = _gateway.Logs.Entries;
        Assert.Contains(entries, e => e.EventId.Id == EventIds.ApiKeyRejected && e.Level == LogLevel.Debug);
        Assert.Contains(entries, e => e.EventId.Id == EventIds.ApiKeyMissing && e.Level == LogLevel.Debug);
        Assert.DoesNotContain(entries, e => e.Message.Contains("wrong-secret-value", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Message.Contains("acme-key-1", StringComparison.Ordinal));
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return await _client.SendAsync(request);
    }

    private async Task<HttpStatusCode> StatusAsync(string path, string? key)
    {
        using var response = await SendAsync(path, key);
        return response.StatusCode;
    }

    // Write and rename, as a Secret update replaces the file whole: the store never reads half a file.
    private async Task WriteAtomicallyAsync(string text)
    {
        var temporary = KeysPath + ".tmp";
        await File.WriteAllTextAsync(temporary, text, Encoding.UTF8);
        File.Move(temporary, KeysPath, overwrite: true);
    }

    private string Routes() => $$"""
        upstream echo { endpoints {{_upstream.Address}} }

        route header-key {
          path /h/**
          api-key {
            keys-file {{KeysPath}}
          }
          forward consumer as X-Consumer
          to echo
        }

        route query-key {
          path /q/**
          api-key {
            key query api_key
            keys-file {{KeysPath}}
          }
          forward consumer as X-Consumer
          to echo
        }

        route missing-file {
          path /m/**
          api-key {
            keys-file {{Path.Combine(_folder, "not-there")}}
          }
          to echo
        }
        """;
}
