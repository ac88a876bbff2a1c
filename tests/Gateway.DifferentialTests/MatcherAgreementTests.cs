using Gateway.DifferentialTests.Common;
using Gateway.DifferentialTests.Corpus;
using Gateway.Dsl;
using Gateway.Routing;

namespace Gateway.DifferentialTests;

/// <summary>Compiled and interpreted routers, and the reference matcher, must choose the same route and captures.</summary>
public sealed class MatcherAgreementTests
{
    /// <summary>Every route table compiled into this assembly: the rich differential file, the valid corpus, and the repository's routes.gw.</summary>
    public static TheoryData<string> Tables => new(CompiledTables.Keys);

    private static readonly Dictionary<string, (CompiledRouteMatcher.MatchFunction Match, string Text, string Path, int Requests)> CompiledTables = new()
    {
        ["differential.gw"] = (DifferentialRoutes.Match, DifferentialRoutes.SourceText, DifferentialRoutes.SourcePath, 120_000),
        ["routes.gw"] = (Routes.Match, Routes.SourceText, Routes.SourcePath, 10_000),
        ["api-versioning.gw"] = (ApiVersioningRoutes.Match, ApiVersioningRoutes.SourceText, ApiVersioningRoutes.SourcePath, 10_000),
        ["comments-and-layout.gw"] = (CommentsAndLayoutRoutes.Match, CommentsAndLayoutRoutes.SourceText, CommentsAndLayoutRoutes.SourcePath, 10_000),
        ["health-and-static.gw"] = (HealthAndStaticRoutes.Match, HealthAndStaticRoutes.SourceText, HealthAndStaticRoutes.SourcePath, 10_000),
        ["methods-and-constraints.gw"] = (MethodsAndConstraintsRoutes.Match, MethodsAndConstraintsRoutes.SourceText, MethodsAndConstraintsRoutes.SourcePath, 10_000),
        ["minimal.gw"] = (MinimalRoutes.Match, MinimalRoutes.SourceText, MinimalRoutes.SourcePath, 2_000),
        ["multi-tenant.gw"] = (MultiTenantRoutes.Match, MultiTenantRoutes.SourceText, MultiTenantRoutes.SourcePath, 10_000),
        ["storefront.gw"] = (StorefrontRoutes.Match, StorefrontRoutes.SourceText, StorefrontRoutes.SourcePath, 10_000),
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void Match_GeneratedRequests_AllBackendsAgree(string table)
    {
        var (compiledMatch, text, path, count) = CompiledTables[table];
        var result = RouteFile.Parse(text, path);
        Assert.Empty(result.Diagnostics);
        var interpreted = new InterpretedRouteMatcher(result.Plan!);
        var reference = new ReferenceMatcher(result.Table!);
        var generator = new RequestGenerator(result.Table!, seed: 20261128);
        var matchedRoutes = new HashSet<int>();
        var failures = new List<string>();

        for (var i = 0; i < count && failures.Count < 20; i++)
        {
            var request = generator.Next();
            var view = request.ToRouteRequest();
            var compiled = compiledMatch(in view);
            var walked = interpreted.Match(in view);
            var expected = reference.Match(request);

            if (expected.Tie is not null)
            {
                failures.Add($"{request}: routes {expected.Tie} tie, but the file built without GW0301");
                continue;
            }

            var compiledCaptures = Captures(compiled, request.Path);
            var walkedCaptures = Captures(walked, request.Path);
            if (compiled.RouteIndex != walked.RouteIndex || compiled.RouteIndex != expected.RouteIndex ||
                !compiledCaptures.SequenceEqual(walkedCaptures) || !compiledCaptures.SequenceEqual(expected.Captures))
            {
                failures.Add($"{request}: compiled {Describe(result, compiled.RouteIndex, compiledCaptures)}, " +
                             $"interpreted {Describe(result, walked.RouteIndex, walkedCaptures)}, " +
                             $"reference {Describe(result, expected.RouteIndex, expected.Captures)}");
            }

            matchedRoutes.Add(expected.RouteIndex);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));

        // The generator must reach every route, or the agreement proves little about it.
        var unreached = result.Table!.Routes.Where(r => !matchedRoutes.Contains(r.Index)).Select(r => r.Name).ToList();
        Assert.True(unreached.Count == 0, "never matched: " + string.Join(", ", unreached));
    }

    [Fact]
    public void Match_DifferentialTable_IncludesMisses()
    {
        var result = RouteFile.Parse(DifferentialRoutes.SourceText, DifferentialRoutes.SourcePath);
        var generator = new RequestGenerator(result.Table!, seed: 7);
        var misses = Enumerable.Range(0, 5_000).Select(_ => generator.Next()).Count(r =>
        {
            var view = r.ToRouteRequest();
            return !DifferentialRoutes.Match(in view).Success;
        });
        Assert.InRange(misses, 50, 4_000);
    }

    private static string[] Captures(RouteMatch match, string path) =>
        Enumerable.Range(0, match.CaptureCount).Select(i => match.GetCaptureText(i, path).ToString()).ToArray();

    private static string Describe(CheckResult result, int index, string[] captures) =>
        (index < 0 ? "none" : result.Table!.Routes[index].Name) + "(" + string.Join(", ", captures) + ")";
}
