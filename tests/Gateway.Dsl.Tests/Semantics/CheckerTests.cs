using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Semantics;
using Gateway.Dsl.Syntax;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Tests.Semantics;

/// <summary>The checked model built from valid files, and the checker's diagnostics with their spans and messages.</summary>
public sealed class CheckerTests
{
    private const string Users = "upstream users {\n  endpoints http://127.0.0.1:5001\n}\n";

    // A route, so that files about other directives are not also files without routes (GW0226).
    private const string Ping = "route ping {\n  path /ping\n  respond 200\n}\n";

    [Fact]
    public void Check_FullFile_BuildsModel()
    {
        var (table, diagnostics) = Check(
            "listen 0.0.0.0:8080\n" +
            "admin [::1]:9901\n" +
            "upstream users {\n" +
            "  endpoints http://127.0.0.1:5001 https://users.internal/base\n" +
            "}\n" +
            "route user-by-id {\n" +
            "  host API.Example.com *.example.org\n" +
            "  method GET HEAD\n" +
            "  path /users/{id:int}\n" +
            "  header X-Version \"2 beta\"\n" +
            "  header x-debug\n" +
            "  query Expand all\n" +
            "  priority -3\n" +
            "  to users\n" +
            "}\n");

        Assert.Empty(diagnostics.Items);
        Assert.NotNull(table);
        Assert.Equal(new ListenAddress { Host = "0.0.0.0", Port = 8080, Line = 1 }, table!.Listen);
        Assert.Equal(new ListenAddress { Host = "[::1]", Port = 9901, Line = 2 }, table.Admin);
        var upstream = Assert.Single(table.Upstreams);
        Assert.Equal(new[] { "http://127.0.0.1:5001", "https://users.internal/base" }, upstream.Endpoints);
        Assert.Equal(BalanceMode.PowerOfTwo, upstream.Balance);
        Assert.Equal(3, upstream.Line);

        var route = Assert.Single(table.Routes);
        Assert.Equal("user-by-id", route.Name);
        Assert.Equal(0, route.Index);
        Assert.Equal(6, route.Line);
        Assert.Equal("user-by-id", diagnostics.Source.Text.Substring(route.NameSpan.Start, route.NameSpan.Length));
        Assert.Equal(new[] { new HostPattern { Host = "api.example.com", IsWildcard = false }, new HostPattern { Host = "example.org", IsWildcard = true } }, route.Hosts);
        Assert.Equal(MethodSet.Get | MethodSet.Head, route.Methods);
        Assert.Equal("/users/{id:int}", route.Path.Text);
        Assert.Equal(
            new[]
            {
                new PathSegment { Kind = SegmentKind.Literal, Value = "users", Constraint = ParameterConstraint.None },
                new PathSegment { Kind = SegmentKind.Parameter, Value = "id", Constraint = ParameterConstraint.Int },
            },
            route.Path.Segments);
        Assert.Equal(new[] { new HeaderMatch { Name = "x-version", Value = "2 beta" }, new HeaderMatch { Name = "x-debug", Value = null } }, route.Headers);
        Assert.Equal(new QueryMatch { Name = "Expand", Value = "all" }, Assert.Single(route.Queries));
        Assert.Equal(-3, route.Priority);
        Assert.Equal(new RouteAction { Kind = RouteActionKind.Forward, Upstream = "users" }, route.Action);
    }

    [Theory]
    [InlineData("/users/", "/users")]
    [InlineData("/a/{id}/", "/a/{id}")]
    [InlineData("/api/**/", "/api/**")]
    public void Check_TrailingSlash_SameSegmentsAsWithout(string withSlash, string without)
    {
        Assert.Equal(PathOf(without).Segments, PathOf(withSlash).Segments);
    }

    [Fact]
    public void Check_RootPath_HasNoSegments()
    {
        var path = PathOf("/");

        Assert.Equal("/", path.Text);
        Assert.Empty(path.Segments);
    }

    [Theory]
    [InlineData("/api/**", "")]
    [InlineData("/api/{**rest}", "rest")]
    public void Check_CatchAll_IsLastSegmentWithName(string template, string name)
    {
        var path = PathOf(template);

        Assert.True(path.IsPrefix);
        Assert.Equal(new PathSegment { Kind = SegmentKind.CatchAll, Value = name, Constraint = ParameterConstraint.None }, path.Segments[1]);
    }

    [Theory]
    [InlineData("{id:int}", ParameterConstraint.Int)]
    [InlineData("{id:long}", ParameterConstraint.Long)]
    [InlineData("{id:guid}", ParameterConstraint.Guid)]
    [InlineData("{id:alpha}", ParameterConstraint.Alpha)]
    [InlineData("{id}", ParameterConstraint.None)]
    public void Check_Constraint_IsRecorded(string segment, ParameterConstraint constraint)
    {
        Assert.Equal(constraint, PathOf("/x/" + segment).Segments[1].Constraint);
    }

    [Fact]
    public void Check_RespondBody_CaptureIndexFollowsPathOrder()
    {
        var (table, diagnostics) = Check("route r {\n  path /a/{x}/**/\n  respond 404 \"{x} not here; {{literal}}\"\n}\n");

        Assert.Empty(diagnostics.Items);
        var action = Assert.Single(table!.Routes).Action;
        Assert.Equal(RouteActionKind.Respond, action.Kind);
        Assert.Equal(404, action.Status);
        Assert.Equal(
            new[] { new TemplatePart { Text = "x", CaptureIndex = 0 }, new TemplatePart { Text = " not here; {literal}", CaptureIndex = -1 } },
            action.Body);

        (table, _) = Check("route r {\n  respond 200 \"{rest}/{y}\"\n  path /a/{x}/{y:int}/{**rest}\n}\n");
        Assert.Equal(new[] { 2, -1, 1 }, table!.Routes[0].Action.Body.Select(p => p.CaptureIndex));
    }

    [Fact]
    public void Check_RespondWithoutBody_HasEmptyBody()
    {
        var (table, _) = Check("route r {\n  path /\n  respond 204\n}\n");

        Assert.Empty(table!.Routes[0].Action.Body);
    }

    [Fact]
    public void Check_UpstreamDefinedAfterRoute_Resolves()
    {
        var (table, diagnostics) = Check("route r {\n  path /\n  to users\n}\n" + Users);

        Assert.Empty(diagnostics.Items);
        Assert.Equal("users", table!.Routes[0].Action.Upstream);
    }

    [Fact]
    public void Check_UndefinedUpstream_SuggestsNearNameAtTheWord()
    {
        var (table, diagnostics) = Check(Users + "route r {\n  path /\n  to user\n}\n");

        Assert.Null(table);
        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCode.UndefinedUpstream, diagnostic.Code);
        Assert.Equal("upstream 'user' is not defined; did you mean 'users'?", diagnostic.Message);
        Assert.Equal(new LinePosition(5, 5), diagnostic.LineSpan.Start);
        Assert.Equal(new LinePosition(5, 9), diagnostic.LineSpan.End);
    }

    [Fact]
    public void Check_LowerCaseMethod_SuggestsUpperCase()
    {
        var diagnostic = Assert.Single(Errors("route r {\n  method get\n  path /\n  respond 200\n}\n"));

        Assert.Equal(DiagnosticCode.UnknownMethod, diagnostic.Code);
        Assert.Equal("unknown method 'get'; did you mean 'GET'?", diagnostic.Message);
    }

    [Fact]
    public void Check_ErrorsInThreeBlocks_ReportsAllThree()
    {
        var diagnostics = Errors(
            "upstream a {\n  endpoints ftp://x\n}\n" +
            "route b {\n  path /b\n  to nowhere\n}\n" +
            "route c {\n  path /c/{id:integer}\n  respond 200\n}\n");

        Assert.Equal(
            new[] { (DiagnosticCode.InvalidEndpoint, 1), (DiagnosticCode.UndefinedUpstream, 5), (DiagnosticCode.UnknownConstraint, 8) },
            diagnostics.Select(d => (d.Code, d.LineSpan.Start.Line)));
    }

    [Fact]
    public void Check_SecondPath_NamesFirstLine()
    {
        var diagnostic = Assert.Single(Errors("route r {\n  path /a\n  respond 200\n  path /b\n}\n"));

        Assert.Equal(DiagnosticCode.DuplicateDirective, diagnostic.Code);
        Assert.Equal("'path' is already given on line 2; a route has one 'path', so remove one", diagnostic.Message);
        Assert.Equal(new LinePosition(3, 2), diagnostic.LineSpan.Start);
    }

    [Fact]
    public void Check_ToAndRespond_ReportsSecondAction()
    {
        var diagnostic = Assert.Single(Errors(Users + "route r {\n  path /\n  to users\n  respond 200\n}\n"));

        Assert.Equal(DiagnosticCode.MultipleActions, diagnostic.Code);
        Assert.Equal("route 'r' already has 'to' on line 6; a route has one action, so remove 'to' or 'respond'", diagnostic.Message);
    }

    [Fact]
    public void Check_DuplicateRouteName_NamesFirstLine()
    {
        var diagnostic = Assert.Single(Errors("route r {\n  path /a\n  respond 200\n}\nroute r {\n  path /b\n  respond 200\n}\n"));

        Assert.Equal(DiagnosticCode.DuplicateRoute, diagnostic.Code);
        Assert.Equal("route 'r' is already defined on line 1; rename one", diagnostic.Message);
        Assert.Equal(new LinePosition(4, 6), diagnostic.LineSpan.Start);
    }

    [Fact]
    public void Check_MissingPathAndAction_ReportsBothAtName()
    {
        var diagnostics = Errors("route empty {\n}\n");

        Assert.Equal(new[] { DiagnosticCode.MissingPath, DiagnosticCode.MissingAction }, diagnostics.Select(d => d.Code));
        Assert.All(diagnostics, d => Assert.Equal(new TextSpan(6, 5), d.Span));
    }

    [Fact]
    public void Check_HostWithPort_PointsAtPortAndSaysItIsIgnored()
    {
        var diagnostic = Assert.Single(Errors("route r {\n  host api.example.com:8443\n  path /\n  respond 200\n}\n"));

        Assert.Equal(DiagnosticCode.HostWithPort, diagnostic.Code);
        Assert.Equal("host 'api.example.com:8443' has a port; write 'api.example.com' (the request's port is ignored when matching hosts)", diagnostic.Message);
        Assert.Equal(new LinePosition(1, 22), diagnostic.LineSpan.Start);
        Assert.Equal(new LinePosition(1, 27), diagnostic.LineSpan.End);
    }

    [Theory]
    [InlineData("/a{b}", DiagnosticCode.InvalidPath, 1, 4)]
    [InlineData("users", DiagnosticCode.InvalidPath, 0, 5)]
    [InlineData("/a//b", DiagnosticCode.InvalidPath, 2, 2)]
    [InlineData("/a/{id", DiagnosticCode.InvalidPath, 3, 1)]
    [InlineData("/a/*", DiagnosticCode.InvalidPath, 3, 1)]
    [InlineData("/a?x=1", DiagnosticCode.InvalidPath, 2, 1)]
    [InlineData("/**/a", DiagnosticCode.MisplacedCatchAll, 1, 2)]
    [InlineData("/{**rest}/a", DiagnosticCode.MisplacedCatchAll, 1, 8)]
    [InlineData("/{id}/{id:int}", DiagnosticCode.DuplicateParameter, 6, 8)]
    [InlineData("/{id:itn}", DiagnosticCode.UnknownConstraint, 5, 3)]
    [InlineData("/{1d}", DiagnosticCode.InvalidPath, 1, 4)]
    public void Check_BadPath_ReportsTightSpan(string template, string code, int offset, int length)
    {
        var prefix = "route r {\n  path ";
        var diagnostic = Assert.Single(Errors(prefix + template + "\n  respond 200\n}\n"));

        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(new TextSpan(prefix.Length + offset, length), diagnostic.Span);
    }

    [Fact]
    public void Check_NineCaptures_ReportsTheNinth()
    {
        var diagnostic = Assert.Single(Errors("route r {\n  path /{a}/{b}/{c}/{d}/{e}/{f}/{g}/{h}/{i}\n  respond 200\n}\n"));

        Assert.Equal(DiagnosticCode.TooManyCaptures, diagnostic.Code);
        Assert.Equal(new LinePosition(1, 40), diagnostic.LineSpan.Start);
    }

    [Fact]
    public void Check_UnknownConstraint_SuggestsNearOne()
    {
        var diagnostic = Assert.Single(Errors("route r {\n  path /{id:itn}\n  respond 200\n}\n"));

        Assert.Equal("unknown constraint 'itn'; did you mean 'int'?", diagnostic.Message);
    }

    [Fact]
    public void Check_UnknownCaptureInBody_SuggestsAndPointsInsideString()
    {
        var diagnostic = Assert.Single(Errors("route r {\n  path /u/{name}\n  respond 200 \"\\\"hi\\\" {nmae}\"\n}\n"));

        Assert.Equal(DiagnosticCode.UnknownCapture, diagnostic.Code);
        Assert.Equal("unknown capture 'nmae' in body; did you mean 'name'?", diagnostic.Message);
        Assert.Equal(new LinePosition(2, 22), diagnostic.LineSpan.Start);
        Assert.Equal(new LinePosition(2, 28), diagnostic.LineSpan.End);
    }

    [Theory]
    [InlineData("\"a } b\"", DiagnosticCode.InvalidBody)]
    [InlineData("\"a { b\"", DiagnosticCode.InvalidBody)]
    [InlineData("\"{}\"", DiagnosticCode.InvalidBody)]
    [InlineData("plain", DiagnosticCode.ExpectedString)]
    public void Check_BadBody_Reports(string body, string code)
    {
        Assert.Equal(code, Assert.Single(Errors("route r {\n  path /\n  respond 200 " + body + "\n}\n")).Code);
    }

    [Theory]
    [InlineData("respond 99", DiagnosticCode.InvalidStatus)]
    [InlineData("respond 600", DiagnosticCode.InvalidStatus)]
    [InlineData("respond ok", DiagnosticCode.InvalidStatus)]
    [InlineData("priority high", DiagnosticCode.InvalidPriority)]
    [InlineData("header \"x\"", DiagnosticCode.ExpectedWord)]
    [InlineData("header x:y", DiagnosticCode.InvalidHeaderName)]
    [InlineData("query a=b", DiagnosticCode.InvalidQueryName)]
    [InlineData("method GET POST GET", DiagnosticCode.DuplicateMethod)]
    [InlineData("host a.com A.com", DiagnosticCode.DuplicateHost)]
    [InlineData("host *", DiagnosticCode.InvalidHost)]
    [InlineData("host a.*.com", DiagnosticCode.InvalidHost)]
    [InlineData("host a..com", DiagnosticCode.InvalidHost)]
    [InlineData("host a_b.com", DiagnosticCode.InvalidHost)]
    [InlineData("host", DiagnosticCode.MissingArgument)]
    [InlineData("priority 1 2", DiagnosticCode.UnexpectedArgument)]
    [InlineData("endpoints http://a", DiagnosticCode.UnknownDirective)]
    public void Check_BadDirective_ReportsCode(string line, string code)
    {
        var route = line.StartsWith("respond", StringComparison.Ordinal) ? "  path /\n  " + line + "\n" : "  path /x\n  respond 200\n  " + line + "\n";
        var diagnostics = Errors("route r {\n" + route + "}\n");

        Assert.Contains(code, diagnostics.Select(d => d.Code));
        Assert.Single(diagnostics);
    }

    [Fact]
    public void Check_SeveralExtraArguments_QuotesEveryUnderlinedArgument()
    {
        var diagnostic = Assert.Single(Errors("route r {\n  path /x\n  respond 200\n  priority 1 2  3\n}\n"));

        Assert.Equal(DiagnosticCode.UnexpectedArgument, diagnostic.Code);
        Assert.Equal(new TextSpan(47, 4), diagnostic.Span);
        Assert.Equal("unexpected '2  3'; 'priority' takes one integer, as in 'priority 10'", diagnostic.Message);
    }

    [Fact]
    public void Check_SameHeaderInAnotherCase_ReportsDuplicate()
    {
        var diagnostic = Assert.Single(Errors("route r {\n  path /\n  header X-A 1\n  header x-a 2\n  respond 200\n}\n"));

        Assert.Equal(DiagnosticCode.DuplicateHeader, diagnostic.Code);
        Assert.Equal("header 'x-a' is already matched on line 3; keep one condition per header", diagnostic.Message);
    }

    [Fact]
    public void Check_SameQueryInAnotherCase_IsAllowed()
    {
        var (table, _) = Check("route r {\n  path /\n  query a\n  query A\n  respond 200\n}\n");

        Assert.Equal(2, table!.Routes[0].Queries.Count);
    }

    [Theory]
    [InlineData("localhost:8080", "localhost", 8080)]
    [InlineData("*:80", "*", 80)]
    [InlineData("0.0.0.0:65535", "0.0.0.0", 65535)]
    [InlineData("[::1]:1", "[::1]", 1)]
    [InlineData("LocalHost:8080", "LocalHost", 8080)]
    public void Check_ValidAddress_IsRead(string address, string host, int port)
    {
        var (table, diagnostics) = Check("listen " + address + "\n" + Ping);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(new ListenAddress { Host = host, Port = port, Line = 1 }, table!.Listen);
    }

    [Theory]
    [InlineData("localhost", DiagnosticCode.InvalidAddress)]
    [InlineData("::1:80", DiagnosticCode.InvalidAddress)]
    [InlineData("[::1", DiagnosticCode.InvalidAddress)]
    [InlineData("[nope]:80", DiagnosticCode.InvalidAddress)]
    [InlineData("256.0.0.1:80", DiagnosticCode.InvalidAddress)]
    [InlineData("a_b:80", DiagnosticCode.InvalidAddress)]
    [InlineData("gateway-1.internal:9000", DiagnosticCode.InvalidAddress)]
    [InlineData("localhost:0", DiagnosticCode.InvalidPort)]
    [InlineData("localhost:65536", DiagnosticCode.InvalidPort)]
    [InlineData("localhost:http", DiagnosticCode.InvalidPort)]
    [InlineData("localhost:", DiagnosticCode.InvalidPort)]
    public void Check_InvalidAddress_Reports(string address, string code)
    {
        Assert.Equal(code, Assert.Single(Errors("admin " + address + "\n")).Code);
    }

    [Fact]
    public void Check_ListenHostName_RejectedWithEveryInterfaceFix()
    {
        // The gateway binds IP addresses only; the build says so instead of accepting a file the gateway refuses.
        var diagnostic = Assert.Single(Errors("listen gateway-1.internal:9000\n" + Ping));

        Assert.Equal(
            "test.gw(1,8): error GW0208: 'gateway-1.internal' is a host name, and the gateway binds IP addresses only; write '0.0.0.0:9000' to listen on every interface, or an IP address of this machine",
            diagnostic.ToString());
        Assert.Equal(new TextSpan(7, 18), diagnostic.Span);
    }

    [Theory]
    [InlineData("ftp://a")]
    [InlineData("users:5001")]
    [InlineData("/relative")]
    [InlineData("http://a/?q=1")]
    [InlineData("http://a/#top")]
    [InlineData("http://me:secret@a/")]
    public void Check_InvalidEndpoint_Reports(string endpoint)
    {
        Assert.Equal(DiagnosticCode.InvalidEndpoint, Assert.Single(Errors("upstream u {\n  endpoints " + endpoint + "\n}\n")).Code);
    }

    [Fact]
    public void Check_SameEndpointNormalized_ReportsDuplicate()
    {
        var diagnostic = Assert.Single(Errors("upstream u {\n  endpoints http://a:80\n  endpoints HTTP://A/\n}\n"));

        Assert.Equal(DiagnosticCode.DuplicateEndpoint, diagnostic.Code);
        Assert.Equal("endpoint 'HTTP://A/' is already listed on line 2; remove one", diagnostic.Message);
    }

    [Fact]
    public void Check_UnknownBalance_SuggestsNearMode()
    {
        var diagnostic = Assert.Single(Errors("upstream u {\n  endpoints http://a\n  balance round-robin\n}\n"));

        Assert.Equal("unknown balance mode 'round-robin'; did you mean 'round_robin'?", diagnostic.Message);
    }

    [Fact]
    public void Check_UnknownRouteDirective_SuggestsAndListsKeywords()
    {
        var diagnostic = Assert.Single(Errors("route r {\n  pth /\n  path /\n  respond 200\n}\n"));

        Assert.Equal("unknown directive 'pth'; did you mean 'path'? route directives are: host, method, path, header, query, priority, use, jwt, api-key, ext-auth, require, forward, cors, request-header, response-header, rewrite, strip-prefix, add-prefix, host-header, retry, limit, timeout, plugin, to, sticky, pin, mirror, respond, redirect", diagnostic.Message);
    }

    [Fact]
    public void Check_RouteDirectiveAtTopLevel_SaysWhereItBelongs()
    {
        var diagnostic = Assert.Single(Errors("path /a\n"));

        Assert.Equal("'path' belongs in a route block, not at the top level; top-level directives are: listen, admin, redis, upstream, policy, route, use", diagnostic.Message);
    }

    [Fact]
    public void Check_MisspelledBlockKeyword_ReportsOnlyTheKeyword()
    {
        var diagnostic = Assert.Single(Errors("rute r {\n  path /a\n  respond 200\n}\n"));

        Assert.Equal(DiagnosticCode.UnknownDirective, diagnostic.Code);
        Assert.Equal(new TextSpan(0, 4), diagnostic.Span);
    }

    [Fact]
    public void Check_AnyError_ReturnsNullTable()
    {
        var (table, diagnostics) = Check("route r {\n  path /\n  respond 200\n}\nlisten nowhere\n");

        Assert.True(diagnostics.HasErrors);
        Assert.Null(table);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# routes come later\n\n")]
    [InlineData("listen 0.0.0.0:8080\n")]
    [InlineData(Users)]
    public void Check_FileWithoutRoutes_WarnsAndBuildsEmptyTable(string text)
    {
        var (table, diagnostics) = Check(text);

        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCode.NoRoutes, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(new TextSpan(0, 0), diagnostic.Span);
        Assert.Equal("test.gw(1,1): warning GW0226: the file has no routes, so every request gets 404; add a 'route NAME { … }' block", diagnostic.ToString());
        Assert.False(diagnostics.HasErrors);
        Assert.NotNull(table);
        Assert.Empty(table!.Routes);
    }

    [Theory]
    [InlineData("  path /ping\n  respnd 200\n", DiagnosticCode.UnknownDirective)]
    [InlineData("  path /ping\n  \"respond\" 200\n", DiagnosticCode.ExpectedDirective)]
    [InlineData("  path /ping\n  respond abc\n", DiagnosticCode.InvalidStatus)]
    [InlineData("  path /ping\n  to \"users\"\n", DiagnosticCode.ExpectedWord)]
    [InlineData("  pth /ping\n  respond 200\n", DiagnosticCode.UnknownDirective)]
    [InlineData("  Path /ping\n  respond 200\n", DiagnosticCode.UnknownDirective)]
    [InlineData("  \"path\" /ping\n  respond 200\n", DiagnosticCode.ExpectedDirective)]
    [InlineData("  path /a{b}\n  respond 200\n", DiagnosticCode.InvalidPath)]
    public void Check_BrokenPathOrActionLine_ReportsOnlyTheCause(string body, string code)
    {
        // Before, 'respnd 200' also got "route 'ping' has no action" (GW0205), which sorts first, at the route's name.
        var diagnostic = Assert.Single(Errors(Users + "route ping {\n" + body + "}\n"));

        Assert.Equal(code, diagnostic.Code);
    }

    [Fact]
    public void Check_UnknownLineThatCannotBeThePath_StillReportsMissingPath()
    {
        var codes = Errors("route ping {\n  hots a.example.com\n  respond 200\n}\n").Select(d => d.Code);

        Assert.Equal(new[] { DiagnosticCode.MissingPath, DiagnosticCode.UnknownDirective }, codes);
    }

    [Fact]
    public void Check_MisspelledEndpoints_DoesNotAlsoReportMissingEndpoints()
    {
        var diagnostic = Assert.Single(Errors("upstream u {\n  endpoint http://127.0.0.1:1\n}\n" + Ping));

        Assert.Equal(DiagnosticCode.UnknownDirective, diagnostic.Code);
    }

    private static PathTemplate PathOf(string template)
    {
        var (table, diagnostics) = Check("route r {\n  path " + template + "\n  respond 200\n}\n");
        Assert.Empty(diagnostics.Items);
        return table!.Routes[0].Path;
    }

    private static IReadOnlyList<Diagnostic> Errors(string text) => Check(text).Diagnostics.ToSortedArray().ToList();

    private static (RouteTable? Table, DiagnosticBag Diagnostics) Check(string text)
    {
        var diagnostics = new DiagnosticBag(new SourceText(text, "test.gw"));
        var syntax = Parser.Parse(diagnostics.Source, diagnostics);
        return (Checker.Check(syntax, diagnostics), diagnostics);
    }
}
