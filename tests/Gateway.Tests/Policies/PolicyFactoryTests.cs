using Gateway.Dsl.Collections;
using Gateway.Dsl.Model;
using Gateway.Pipeline;
using Gateway.Policies;
using Gateway.Tests.Common;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests.Policies;

public sealed class PolicyFactoryTests : IDisposable
{
    private readonly string _keysFile = Path.Combine(Path.GetTempPath(), $"gateway-factory-keys-{Guid.NewGuid():N}");

    public void Dispose() => File.Delete(_keysFile);

    [Fact]
    public void Build_ApiKeyExtAuthAndForward_RunInTheGatewaysOrder()
    {
        File.WriteAllText(_keysFile, "acme k\n");
        var route = Route(new RoutePolicies
        {
            IdentityHeaders = new[] { new IdentityHeader { Claim = null, Header = "X-Consumer" } }.ToEquatableArray(),
            ExternalAuth = new ExternalAuthSettings
            {
                Url = "http://127.0.0.1:1/check",
                Timeout = TimeSpan.FromSeconds(1),
                SendHeaders = EquatableArray<string>.Empty,
                ForwardHeaders = EquatableArray<string>.Empty,
                AllowOnError = false,
                Line = 3,
            },
            ApiKey = ApiKey(),
        });

        var chain = new PolicyFactory().Build(route).Chain.Policies;

        Assert.Collection(chain,
            p => Assert.IsType<ApiKeyPolicy>(p),
            p => Assert.IsType<ExternalAuthPolicy>(p),
            p => Assert.IsType<IdentityHeaderPolicy>(p));
    }

    [Fact]
    public async Task Build_SameKeysFileInALaterSnapshot_KeepsTheStoresKeys()
    {
        File.WriteAllText(_keysFile, "acme k\n");
        var factory = new PolicyFactory();
        var route = Route(new RoutePolicies { ApiKey = ApiKey() });
        factory.Build(route);

        // A reload builds the route again; the file being gone by then must not cost the keys read before.
        File.Delete(_keysFile);
        var later = factory.Build(route).Chain.Policies.Single();
        var http = new DefaultHttpContext();
        http.Request.Headers["X-Api-Key"] = "k";
        var context = new RequestContext(http, snapshot: null);

        var result = await later.ApplyAsync(context);

        Assert.False(result.HasAnswered);
        Assert.Equal("acme", context.Identity?.Consumer);
    }

    private ApiKeySettings ApiKey() => new()
    {
        Source = new TokenSource { Kind = TokenSourceKind.Header, Name = "X-Api-Key" },
        KeysFile = _keysFile,
        Line = 2,
    };

    private static Route Route(RoutePolicies policies) => TestTables.Route(0, "r") with { Policies = policies };

    [Fact]
    public void Build_JwtRequireAndForward_InTheFixedOrder()
    {
        var route = TestTables.Route(0, "orders") with
        {
            Policies = new RoutePolicies
            {
                // Listed in another order than the chain's, which the file's order never decides.
                IdentityHeaders = new[] { new IdentityHeader { Claim = "sub", Header = "X-User-Id" } }.ToEquatableArray(),
                Requirements = new[] { new ClaimRequirement { Claim = "scope", Values = new[] { "a" }.ToEquatableArray(), All = true, IsScope = true } }.ToEquatableArray(),
                Jwt = Jwt(),
            },
        };

        var chain = new PolicyFactory().Build(route).Chain.Policies;

        Assert.Collection(chain,
            p => Assert.IsType<JwtPolicy>(p),
            p => Assert.IsType<RequirePolicy>(p),
            p => Assert.IsType<IdentityHeaderPolicy>(p));
    }

    [Fact]
    public void Build_JwtOnly_OnePolicy()
    {
        var route = TestTables.Route(0, "orders") with { Policies = new RoutePolicies { Jwt = Jwt() } };

        Assert.IsType<JwtPolicy>(Assert.Single(new PolicyFactory().Build(route).Chain.Policies));
    }

    private static JwtSettings Jwt() => new()
    {
        Issuer = "https://issuer.test/",
        Audiences = new[] { "api" }.ToEquatableArray(),
        KeyFile = Path.Combine(Path.GetTempPath(), "no-such-key-file.pem"),
        Algorithms = new[] { "RS256" }.ToEquatableArray(),
        ClockSkew = TimeSpan.FromSeconds(30),
        Token = TokenSource.Bearer,
        JwksRefresh = TimeSpan.FromMinutes(10),
        JwksMinRefresh = TimeSpan.FromSeconds(30),
        Line = 3,
    };
}
