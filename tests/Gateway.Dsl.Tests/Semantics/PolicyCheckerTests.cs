using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Semantics;
using Gateway.Dsl.Syntax;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Tests.Semantics;

/// <summary>How policy groups, file defaults and a route's own policy directives merge into <see cref="RoutePolicies"/>.</summary>
public sealed class PolicyCheckerTests
{
    private const string Jwt = "  jwt {\n    issuer https://idp/\n    audience api\n    jwks https://idp/keys\n  }\n";

    [Fact]
    public void Check_JwtBlock_ReadsSettingsAndDefaults()
    {
        var policies = PoliciesOf("route r {\n  path /\n" + Jwt + "  respond 200\n}\n");

        var jwt = Assert.IsType<JwtSettings>(policies.Jwt);
        Assert.Equal("https://idp/", jwt.Issuer);
        Assert.Equal(new[] { "api" }, jwt.Audiences);
        Assert.Equal("https://idp/keys", jwt.JwksUrl);
        Assert.Null(jwt.KeyFile);
        Assert.Equal(new[] { "RS256", "ES256" }, jwt.Algorithms);
        Assert.Equal(TimeSpan.FromSeconds(30), jwt.ClockSkew);
        Assert.Equal(TokenSource.Bearer, jwt.Token);
        Assert.Equal(TimeSpan.FromMinutes(10), jwt.JwksRefresh);
        Assert.Equal(TimeSpan.FromSeconds(30), jwt.JwksMinRefresh);
    }

    [Fact]
    public void Check_FileDefaults_ApplyToEveryRouteUnlessSwitchedOff()
    {
        var table = Table(
            "use secured\npolicy secured {\n" + Jwt + "  response-header set X-A 1\n}\n" +
            "route a {\n  path /a\n  respond 200\n}\n" +
            "route b {\n  path /b\n  jwt off\n  respond 200\n}\n");

        Assert.NotNull(table.Routes[0].Policies.Jwt);
        Assert.Null(table.Routes[1].Policies.Jwt);

        // 'jwt off' clears one slot only; the group's header edit still applies.
        Assert.Equal("X-A", Assert.Single(table.Routes[1].Policies.ResponseHeaders).Name);
    }

    [Fact]
    public void Check_RouteSetting_OverridesGroupAndListsAddUpInOrder()
    {
        var table = Table(
            "use base\npolicy base {\n  host-header endpoint\n  request-header set X-Order file\n}\n" +
            "policy group {\n  host-header client\n  request-header set X-Order group\n}\n" +
            "route r {\n  path /\n  use group\n  host-header api.internal\n  request-header set X-Order route\n  respond 200\n}\n");

        var policies = table.Routes[0].Policies;
        Assert.Equal(new HostHeader { Kind = HostHeaderKind.Fixed, Value = "api.internal" }, policies.HostHeader);
        Assert.Equal(new[] { "file", "group", "route" }, policies.RequestHeaders.Select(e => e.Value));
    }

    [Fact]
    public void Check_TwoGroupsSetOneSlot_IsAnErrorUnlessTheRouteSetsIt()
    {
        var groups = "policy a {\n  host-header endpoint\n}\npolicy b {\n  host-header client\n}\n";

        var conflict = Assert.Single(Errors(groups + "route r {\n  path /\n  use a b\n  respond 200\n}\n"));
        Assert.Equal(DiagnosticCode.ConflictingPolicies, conflict.Code);

        Assert.Empty(Errors(groups + "route r {\n  path /\n  use a b\n  host-header endpoint\n  respond 200\n}\n"));
    }

    [Fact]
    public void Check_RequireInGroupWithoutJwt_ReportsAtTheRoute()
    {
        var errors = Errors("policy scoped {\n  require scope x\n}\nroute r {\n  path /\n  use scoped\n  respond 200\n}\n");

        var error = Assert.Single(errors);
        Assert.Equal(DiagnosticCode.RequiresAuthentication, error.Code);
        Assert.Equal(new TextSpan(42, 1), error.Span);
    }

    [Fact]
    public void Check_Requirements_KeepKindAndValues()
    {
        var policies = PoliciesOf("route r {\n  path /\n" + Jwt + "  require scope a b\n  require any-scope c\n  require claim role admin ops\n  respond 200\n}\n");

        Assert.Equal(
            new[] { (true, true, "scope", "a b"), (true, false, "scope", "c"), (false, false, "role", "admin ops") },
            policies.Requirements.Select(r => (r.IsScope, r.All, r.Claim, string.Join(" ", r.Values))));
    }

    [Fact]
    public void Check_Rewrite_ResolvesCaptures()
    {
        var policies = PoliciesOf("route r {\n  path /users/{id:int}/{**rest}\n  rewrite /v2/{rest}/{id}\n  respond 200\n}\n");

        var rewrite = Assert.IsType<PathRewrite>(policies.Path);
        Assert.Equal(new[] { ("/v2/", -1), ("rest", 1), ("/", -1), ("id", 0) }, rewrite.Template.Select(p => (p.Text, p.CaptureIndex)));
    }

    [Fact]
    public void Check_Redirect_ReadsPartsAndHttpsShorthand()
    {
        var table = Table("route a {\n  path /a/{x}\n  redirect 301 host www.example.com port 8443 path /b/{x}\n}\nroute b {\n  path /b\n  redirect https\n}\n");

        var first = table.Routes[0].Action.Redirect!;
        Assert.Equal((301, null, "www.example.com", (int?)8443), (first.Status, first.Scheme, first.Host, first.Port));
        Assert.Equal(2, first.Path.Count);
        var second = table.Routes[1].Action.Redirect!;
        Assert.Equal((308, "https"), (second.Status, second.Scheme));
    }

    [Fact]
    public void Check_RespondContentType_IsKept()
    {
        var table = Table("route r {\n  path /\n  respond 200 \"{{}}\" application/json\n}\n");

        Assert.Equal("application/json", table.Routes[0].Action.ContentType);
    }

    [Fact]
    public void Check_UpstreamHostHeader_IsKept()
    {
        var table = Table("upstream u {\n  endpoints http://127.0.0.1:1\n  host-header endpoint\n}\nroute r {\n  path /\n  to u\n}\n");

        Assert.Equal(HostHeaderKind.Endpoint, table.Upstreams[0].HostHeader!.Kind);
    }

    [Fact]
    public void Check_Timeout_RouteOverridesGroupAndOffClearsIt()
    {
        var table = Table(
            "use slow\npolicy slow {\n  timeout 30s\n}\n" +
            "route group {\n  path /group\n  respond 200\n}\n" +
            "route own {\n  path /own\n  timeout 250ms\n  respond 200\n}\n" +
            "route off {\n  path /off\n  timeout off\n  respond 200\n}\n");

        Assert.Equal(TimeSpan.FromSeconds(30), table.Routes.Single(r => r.Name == "group").Policies.Timeout);
        Assert.Equal(TimeSpan.FromMilliseconds(250), table.Routes.Single(r => r.Name == "own").Policies.Timeout);
        Assert.Null(table.Routes.Single(r => r.Name == "off").Policies.Timeout);
    }

    [Fact]
    public void Check_NoTimeout_LeavesItNull() => Assert.Null(PoliciesOf("route r {\n  path /\n  respond 200\n}\n").Timeout);

    [Fact]
    public void Check_TimeoutInTwoUsedGroups_IsAConflict()
    {
        var error = Assert.Single(Errors(
            "policy a {\n  timeout 1s\n}\npolicy b {\n  timeout 2s\n}\nroute r {\n  path /\n  use a b\n  respond 200\n}\n"));

        Assert.Equal(DiagnosticCode.ConflictingPolicies, error.Code);
    }

    [Fact]
    public void Check_UpstreamConnectTimeout_IsKeptAndDefaultsToNull()
    {
        var table = Table(
            "upstream a {\n  endpoints http://127.0.0.1:1\n  connect-timeout 200ms\n}\n" +
            "upstream b {\n  endpoints http://127.0.0.1:2\n}\n" +
            "route r {\n  path /a\n  to a\n}\nroute s {\n  path /b\n  to b\n}\n");

        Assert.Equal(TimeSpan.FromMilliseconds(200), table.Upstreams.Single(u => u.Name == "a").ConnectTimeout);
        Assert.Null(table.Upstreams.Single(u => u.Name == "b").ConnectTimeout);
    }

    [Fact]
    public void Check_StrayBraceAfterDirective_ReadsTheLinesInside()
    {
        var error = Assert.Single(Errors("route r {\n  path / {\n  respond 200\n  }\n}\n"));

        Assert.Equal(DiagnosticCode.UnexpectedOpenBrace, error.Code);
    }

    [Fact]
    public void Check_PolicyBlockAtTopLevel_ReportsOnlyWhereItBelongs()
    {
        var error = Assert.Single(Errors("cors {\n  origins https://a.example.com\n}\n"));

        Assert.Equal(DiagnosticCode.UnknownDirective, error.Code);
        Assert.StartsWith("'cors' belongs in a route block, not at the top level", error.Message);
    }

    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("5s", 5000)]
    [InlineData("1m", 60000)]
    [InlineData("2h", 7200000)]
    public void TryParseDuration_Units_ReadAsMilliseconds(string text, int milliseconds)
    {
        Assert.True(Units.TryParseDuration(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("-5s")]
    [InlineData("1.5s")]
    [InlineData("5 s")]
    [InlineData("5S")]
    [InlineData("s")]
    [InlineData("9999999999999s")]
    public void TryParseDuration_Malformed_IsRejected(string text) => Assert.False(Units.TryParseDuration(text, out _));

    [Theory]
    [InlineData("512b", 512L)]
    [InlineData("64kb", 65536L)]
    [InlineData("10mb", 10485760L)]
    [InlineData("1gb", 1073741824L)]
    public void TryParseSize_Units_ReadAsBytes(string text, long bytes)
    {
        Assert.True(Units.TryParseSize(text, out var read));
        Assert.Equal(bytes, read);
    }

    [Theory]
    [InlineData("64")]
    [InlineData("64KB")]
    [InlineData("2048gb")]
    public void TryParseSize_Malformed_IsRejected(string text) => Assert.False(Units.TryParseSize(text, out _));

    private static RoutePolicies PoliciesOf(string text) => Table(text).Routes[0].Policies;

    private static RouteTable Table(string text)
    {
        var (table, diagnostics) = Check(text);
        Assert.Empty(diagnostics.Items.Select(d => d.ToString()));
        return table!;
    }

    private static IReadOnlyList<Diagnostic> Errors(string text) => Check(text).Diagnostics.ToSortedArray().ToList();

    private static (RouteTable? Table, DiagnosticBag Diagnostics) Check(string text)
    {
        var diagnostics = new DiagnosticBag(new SourceText(text, "test.gw"));
        var syntax = Parser.Parse(diagnostics.Source, diagnostics);
        return (Checker.Check(syntax, diagnostics), diagnostics);
    }
}
