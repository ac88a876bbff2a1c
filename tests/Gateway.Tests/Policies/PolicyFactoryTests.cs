using Gateway.Dsl.Collections;
using Gateway.Dsl.Model;
using Gateway.Policies;
using Gateway.Tests.Common;

namespace Gateway.Tests.Policies;

public sealed class PolicyFactoryTests
{
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

        var chain = CreateFactory().Build(route).Chain.Policies;

        Assert.Collection(chain,
            p => Assert.IsType<JwtPolicy>(p),
            p => Assert.IsType<RequirePolicy>(p),
            p => Assert.IsType<IdentityHeaderPolicy>(p));
    }

    [Fact]
    public void Build_JwtOnly_OnePolicy()
    {
        var route = TestTables.Route(0, "orders") with { Policies = new RoutePolicies { Jwt = Jwt() } };

        Assert.IsType<JwtPolicy>(Assert.Single(CreateFactory().Build(route).Chain.Policies));
    }

    private static PolicyFactory CreateFactory() => new();

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
