using Gateway.Plugins;
using Gateway.Policies;
using Gateway.Routing;

namespace Gateway.Tests.Routing;

/// <summary>Loading a route file at run time: the language's checks, then the plugin check the build runs, then the snapshot.</summary>
public sealed class RouteTableLoaderTests
{
    private const string Head = "upstream users {\n  endpoints http://127.0.0.1:5001\n}\nroute r {\n  path /r\n";

    [Fact]
    public void Check_UnknownPlugin_NoTableAndTheBuildsLocatedDiagnostic()
    {
        var result = RouteTableLoader.Check(Source("  plugin tenant-tga X-Tenant\n"));

        Assert.Null(result.Table);
        Assert.Null(result.Plan);
        Assert.Equal(["routes.gw(6,10): error GW0904: plugin 'tenant-tga' is not defined; did you mean 'tenant-tag'?"], result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Check_ArgumentOfTheWrongType_GW0905AtTheArgument()
    {
        var result = RouteTableLoader.Check(Source("  plugin tenant-tag X-Tenant acme 1\n"));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("routes.gw(6,35): error GW0905: '1' is not a bool for parameter 'required' of plugin 'tenant-tag'; write 'true' or 'false'", diagnostic.ToString());
    }

    [Fact]
    public void Check_RouteWithLanguageError_ItsPluginLinesNotChecked()
    {
        var result = RouteTableLoader.Check(new RouteSource("route r {\n  path /r\n  plugin nope\n  to nowhere\n}\n", "routes.gw", "interpreted", _ => null!));

        Assert.Equal(["GW0103"], result.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Check_ErrorInAnotherRoute_PluginErrorReportedInTheSameRound()
    {
        var text = "route a {\n  path /a\n  plugin tenant-tags X-Tenant\n  respond 200\n}\nroute b {\n  path /b\n  respond 301 \"x\"\n}\n";

        var result = RouteTableLoader.Check(new RouteSource(text, "routes.gw", "interpreted", _ => null!));

        Assert.Equal(["GW0904", "GW0224"], result.Diagnostics.Select(d => d.Code));
        Assert.Null(result.Table);
    }

    [Fact]
    public void TryLoad_PluginAndHeaderEdit_PluginRunsBeforeTheEdit()
    {
        var snapshot = RouteTableLoader.TryLoad(Source("  request-header set X-Env prod\n  plugin tenant-tag X-Tenant acme\n"), out var result);

        Assert.Empty(result.Diagnostics);
        Assert.NotNull(snapshot);
        var chain = snapshot!.GetRoute(0).Policies.Policies;
        Assert.Collection(chain, p => Assert.IsType<TenantTagPolicy>(p), p => Assert.IsType<RequestHeaderPolicy>(p));
    }

    [Fact]
    public void TryLoad_TwoRoutesOneGroup_EachRouteItsOwnInstance()
    {
        var text = "policy tenants {\n  plugin tenant-tag X-Tenant\n}\n" + Head + "  use tenants\n  to users\n}\nroute s {\n  path /s\n  use tenants\n  to users\n}\n";

        var snapshot = RouteTableLoader.TryLoad(RouteSource.Interpreted(text, "routes.gw"), out _);

        Assert.NotSame(snapshot!.GetRoute(0).Policies.Policies[0], snapshot.GetRoute(1).Policies.Policies[0]);
    }

    private static RouteSource Source(string lines) => RouteSource.Interpreted(Head + lines + "  to users\n}\n", "routes.gw");
}
