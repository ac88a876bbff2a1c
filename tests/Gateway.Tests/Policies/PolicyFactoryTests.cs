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
}
