using System.Net;
using Gateway.IntegrationTests.Common;
using Gateway.Logging;
using Gateway.Testing;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Policies;

/// <summary><c>jwt { key-file PATH }</c> through the real gateway: PEM and JWKS files, and a file that is missing.</summary>
public sealed class JwtPolicyKeyFileTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gateway-keys-").FullName;
    private EchoUpstream _upstream = null!;
    private GatewayHost _gateway = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        File.WriteAllText(Path.Combine(_folder, "rsa.pem"), TestSigningKey.SharedRsa.PublicPem);
        File.WriteAllText(Path.Combine(_folder, "ec.pem"), TestSigningKey.SharedEc.PublicPem);
        File.WriteAllText(Path.Combine(_folder, "keys.json"), TestSigningKey.Jwks(TestSigningKey.SharedRsa, TestSigningKey.SharedEc));
        _upstream = await EchoUpstream.StartAsync("echo");
        _gateway = await GatewayHost.StartAsync($$"""
            upstream echo {
              endpoints {{_upstream.Address}}
            }

            route rsa-pem {
              path /rsa-pem/**
              jwt {
                issuer {{TestTokens.Issuer}}
                audience {{TestTokens.Audience}}
                key-file {{Path.Combine(_folder, "rsa.pem")}}
              }
              to echo
            }

            route ec-pem {
              path /ec-pem/**
              jwt {
                issuer {{TestTokens.Issuer}}
                audience {{TestTokens.Audience}}
                key-file {{Path.Combine(_folder, "ec.pem")}}
              }
              to echo
            }

            route jwks-file {
              path /jwks-file/**
              jwt {
                issuer {{TestTokens.Issuer}}
                audience {{TestTokens.Audience}}
                key-file {{Path.Combine(_folder, "keys.json")}}
              }
              to echo
            }

            route missing {
              path /missing/**
              jwt {
                issuer {{TestTokens.Issuer}}
                audience {{TestTokens.Audience}}
                key-file {{Path.Combine(_folder, "missing.pem")}}
              }
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

    [Theory]
    [InlineData("/rsa-pem/x", "rsa")]
    [InlineData("/ec-pem/x", "ec")]
    [InlineData("/jwks-file/x", "rsa")]
    [InlineData("/jwks-file/x", "ec")]
    public async Task SendAsync_TokenSignedWithTheFilesKey_Accepted(string path, string key)
    {
        using var response = await GetAsync(path, TestTokens.Create(key == "rsa" ? TestSigningKey.SharedRsa : TestSigningKey.SharedEc));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/rsa-pem/x")]
    [InlineData("/jwks-file/x")]
    public async Task SendAsync_OtherKeyOrHmacWithThePublicKey_Rejected(string path)
    {
        using var other = await GetAsync(path, TestTokens.Create(TestSigningKey.Rsa("rsa-1")));
        using var hmac = await GetAsync(path, TestTokens.HmacWithPublicKey(TestSigningKey.SharedRsa));

        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, hmac.StatusCode);
    }

    [Fact]
    public async Task SendAsync_KeyFileMissing_503AndOneWarning()
    {
        var before = _upstream.Requests;
        for (var i = 0; i < 3; i++)
        {
            using var response = await GetAsync("/missing/x", TestTokens.Create(TestSigningKey.SharedRsa));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }

        Assert.Equal(before, _upstream.Requests);
        var warnings = _gateway.Logs.Entries.Where(e => e.Level == LogLevel.Warning).ToList();
        var warning = Assert.Single(warnings);
        Assert.Equal(EventIds.KeyFileUnusable, warning.EventId.Id);
        Assert.Contains("missing.pem", warning.Message);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        return await _client.SendAsync(request);
    }
}
