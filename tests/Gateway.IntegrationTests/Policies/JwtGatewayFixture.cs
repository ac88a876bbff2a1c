using System.Net.Http.Headers;
using Gateway.IntegrationTests.Common;
using Gateway.Testing;

namespace Gateway.IntegrationTests.Policies;

/// <summary>One gateway with <c>jwt</c> routes in front of an echo upstream, two loopback issuers (RSA and EC keys;
/// a single RSA key without <c>kid</c>), and a route per token source and per <c>require</c>/<c>forward</c> case.</summary>
public sealed class JwtGatewayFixture : IAsyncLifetime
{
    /// <summary>The upstream every route forwards to.</summary>
    public EchoUpstream Upstream { get; private set; } = null!;

    /// <summary>The issuer of <c>/bearer</c> and most routes: keys <c>rsa-1</c> and <c>ec-1</c>.</summary>
    public JwksServer Issuer { get; private set; } = null!;

    /// <summary>The issuer of <c>/single</c>: one RSA key without <c>kid</c>.</summary>
    public JwksServer SingleKeyIssuer { get; private set; } = null!;

    /// <summary>The gateway.</summary>
    public GatewayHost Gateway { get; private set; } = null!;

    /// <summary>A client of the gateway.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        Upstream = await EchoUpstream.StartAsync("echo");
        Issuer = await JwksServer.StartAsync(TestSigningKey.SharedRsa, TestSigningKey.SharedEc);
        SingleKeyIssuer = await JwksServer.StartAsync(TestSigningKey.SharedRsa.WithKid(null));
        Gateway = await GatewayHost.StartAsync(Routes(Upstream.Address, Issuer.Url, SingleKeyIssuer.Url));
        Client = Gateway.CreateClient();
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Gateway.DisposeAsync();
        await SingleKeyIssuer.DisposeAsync();
        await Issuer.DisposeAsync();
        await Upstream.DisposeAsync();
    }

    /// <summary>GETs <paramref name="path"/> with <c>Authorization: Bearer <paramref name="token"/></c> (none when null).</summary>
    public async Task<HttpResponseMessage> GetAsync(string path, string? token, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await Client.SendAsync(request);
    }

    private static string Routes(string upstream, string jwks, string singleKeyJwks) => $$"""
        upstream echo {
          endpoints {{upstream}}
        }

        policy issuer {
          jwt {
            issuer {{TestTokens.Issuer}}
            audience {{TestTokens.Audience}} billing-api
            jwks {{jwks}}
          }
        }

        route bearer {
          path /bearer/**
          use issuer
          to echo
        }

        route cookie {
          path /cookie/**
          jwt {
            issuer {{TestTokens.Issuer}}
            audience {{TestTokens.Audience}}
            jwks {{jwks}}
            token cookie access_token
          }
          to echo
        }

        route header {
          path /header/**
          jwt {
            issuer {{TestTokens.Issuer}}
            audience {{TestTokens.Audience}}
            jwks {{jwks}}
            token header X-Token
          }
          to echo
        }

        route single {
          path /single/**
          jwt {
            issuer {{TestTokens.Issuer}}
            audience {{TestTokens.Audience}}
            jwks {{singleKeyJwks}}
          }
          to echo
        }

        route scoped {
          path /scoped/**
          use issuer
          require scope orders.read orders.write
          to echo
        }

        route any-scope {
          path /any-scope/**
          use issuer
          require any-scope billing.read billing.admin
          to echo
        }

        route claim {
          path /claim/**
          use issuer
          require claim tenant acme globex
          to echo
        }

        route forward {
          path /forward/**
          use issuer
          forward claim sub as X-User-Id
          to echo
        }
        """;
}
