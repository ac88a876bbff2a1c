using Gateway.Dsl.Collections;
using Gateway.Dsl.Model;
using Gateway.Dsl.Semantics;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Tests.Semantics;

/// <summary><c>plugin</c> lines checked against plugin signatures: names, argument counts and argument types.</summary>
public sealed class PluginCheckerTests
{
    private const string Users = "upstream users {\n  endpoints http://127.0.0.1:5001\n}\n";

    private static readonly PluginSignature RateLimit = new()
    {
        Name = "rate-limit",
        Parameters = new[]
        {
            Parameter("limit", PluginParameterKind.Int32),
            Parameter("window", PluginParameterKind.Duration, optional: true),
            Parameter("strict", PluginParameterKind.Boolean, optional: true),
            new PluginParameter
            {
                Name = "mode", Kind = PluginParameterKind.Enum, IsOptional = true, EnumName = "LimitMode",
                EnumMembers = new[] { "PerClient", "PerRoute" }.ToEquatableArray(),
            },
        }.ToEquatableArray(),
    };

    private static readonly PluginSignature TenantTag = new()
    {
        Name = "tenant-tag",
        Parameters = new[] { Parameter("header", PluginParameterKind.String), Parameter("fallback", PluginParameterKind.String, optional: true) }.ToEquatableArray(),
    };

    [Fact]
    public void Check_CallsThatFit_NoDiagnostics()
    {
        var diagnostics = Check(Route("plugin rate-limit 100 5s true PerRoute\n  plugin rate-limit -1\n  plugin tenant-tag X-Tenant"));

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Check_MisspelledName_GW0904WithSuggestionAtTheName()
    {
        var text = Route("plugin tenant-tags X-Tenant");

        var diagnostic = Assert.Single(Check(text));

        Assert.Equal("routes.gw(6,10): error GW0904: plugin 'tenant-tags' is not defined; did you mean 'tenant-tag'?", diagnostic.ToString());
        Assert.Equal("tenant-tags", text.Substring(diagnostic.Span.Start, diagnostic.Span.Length));
    }

    [Fact]
    public void Check_FarName_GW0904ListsTheDefinedPlugins()
    {
        var diagnostic = Assert.Single(Check(Route("plugin geo-block")));

        Assert.Equal(
            "plugin 'geo-block' is not defined; use rate-limit or tenant-tag, or mark a class that implements IRequestPolicy with [GatewayPolicy(\"geo-block\")]",
            diagnostic.Message);
    }

    [Fact]
    public void Check_NoPluginsRegistered_GW0904SaysHowToRegister()
    {
        var diagnostic = Assert.Single(PluginChecker.Check(Table(Route("plugin geo-block")), Source(Route("plugin geo-block")), []));

        Assert.Equal("plugin 'geo-block' is not defined; mark a class that implements IRequestPolicy with [GatewayPolicy(\"geo-block\")]", diagnostic.Message);
    }

    [Theory]
    [InlineData("abc", "'abc' is not an int for parameter 'limit' of plugin 'rate-limit'; write a whole number from -2147483648 to 2147483647")]
    [InlineData("2147483648", "'2147483648' is not an int for parameter 'limit' of plugin 'rate-limit'; write a whole number from -2147483648 to 2147483647")]
    [InlineData("1.5", "'1.5' is not an int for parameter 'limit' of plugin 'rate-limit'; write a whole number from -2147483648 to 2147483647")]
    public void Check_BadInt_GW0905AtTheArgument(string argument, string message)
    {
        var text = Route("plugin rate-limit " + argument);

        var diagnostic = Assert.Single(Check(text));

        Assert.Equal("GW0905", diagnostic.Code);
        Assert.Equal(message, diagnostic.Message);
        Assert.Equal(argument, text.Substring(diagnostic.Span.Start, diagnostic.Span.Length));
    }

    [Fact]
    public void Check_BadDurationBoolAndEnum_OneGW0905Each()
    {
        var diagnostics = Check(Route("plugin rate-limit 10 5 True perRoute"));

        Assert.Equal(
            [
                "routes.gw(6,24): error GW0905: '5' is not a duration for parameter 'window' of plugin 'rate-limit'; write a whole number and a unit: '250ms', '5s', '1m' or '2h'",
                "routes.gw(6,26): error GW0905: 'True' is not a bool for parameter 'strict' of plugin 'rate-limit'; write 'true' or 'false'",
                "routes.gw(6,31): error GW0905: 'perRoute' is not a LimitMode for parameter 'mode' of plugin 'rate-limit'; did you mean 'PerRoute'?",
            ],
            diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Check_TooManyArguments_GW0906OverTheExtraArguments()
    {
        var text = Route("plugin tenant-tag X-Tenant acme extra more");

        var diagnostic = Assert.Single(Check(text));

        Assert.Equal("GW0906", diagnostic.Code);
        Assert.Equal("plugin 'tenant-tag' takes 1 to 2 arguments, found 4; write 'plugin tenant-tag header [fallback]'", diagnostic.Message);
        Assert.Equal("extra more", text.Substring(diagnostic.Span.Start, diagnostic.Span.Length));
    }

    [Fact]
    public void Check_TooFewArguments_GW0906AtTheName()
    {
        var text = Route("plugin rate-limit");

        var diagnostic = Assert.Single(Check(text));

        Assert.Equal("plugin 'rate-limit' takes 1 to 4 arguments, found 0; write 'plugin rate-limit limit [window] [strict] [mode]'", diagnostic.Message);
        Assert.Equal("rate-limit", text.Substring(diagnostic.Span.Start, diagnostic.Span.Length));
    }

    [Fact]
    public void Check_LineInGroupUsedByTwoRoutes_ReportedOnce()
    {
        var text = "policy tenants {\n  plugin tenant-tag\n}\n" + Users
            + "route a {\n  path /a\n  use tenants\n  to users\n}\n"
            + "route b {\n  path /b\n  use tenants\n  to users\n}\n";

        var diagnostic = Assert.Single(Check(text));

        Assert.Equal("routes.gw(2,10): error GW0906: plugin 'tenant-tag' takes 1 to 2 arguments, found 0; write 'plugin tenant-tag header [fallback]'", diagnostic.ToString());
    }

    [Fact]
    public void Check_LineInUnusedGroup_StillChecked()
    {
        var text = "policy spare {\n  plugin tenant-tga X\n}\n" + Users + "route a {\n  path /a\n  to users\n}\n";

        var diagnostic = Assert.Single(Check(text));

        Assert.Equal("GW0904", diagnostic.Code);
    }

    [Fact]
    public void Check_SkippedName_NotChecked()
    {
        var text = Route("plugin broken 1 2 3");

        Assert.Empty(PluginChecker.Check(Table(text), Source(text), [RateLimit], skipped: ["broken"]));
    }

    [Fact]
    public void FirstProblem_GoodAndBadCalls_NullOrTheCheckersMessage()
    {
        var table = Table(Route("plugin rate-limit 100\n  plugin rate-limit lots"));

        Assert.Null(PluginChecker.FirstProblem(table.PluginCalls[0], [RateLimit]));
        Assert.StartsWith("'lots' is not an int for parameter 'limit'", PluginChecker.FirstProblem(table.PluginCalls[1], [RateLimit]));
    }

    private static string Route(string lines) => Users + "route r {\n  path /r\n  " + lines + "\n  to users\n}\n";

    private static IReadOnlyList<Gateway.Dsl.Diagnostics.Diagnostic> Check(string text) =>
        PluginChecker.Check(Table(text), Source(text), [RateLimit, TenantTag]);

    private static RouteTable Table(string text)
    {
        var result = RouteFile.Parse(text, "routes.gw");
        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        return result.Table!;
    }

    private static SourceText Source(string text) => new(text, "routes.gw");

    private static PluginParameter Parameter(string name, PluginParameterKind kind, bool optional = false) =>
        new() { Name = name, Kind = kind, IsOptional = optional };
}
