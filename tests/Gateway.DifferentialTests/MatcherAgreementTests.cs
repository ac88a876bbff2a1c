using Gateway.DifferentialTests.Common;
using Gateway.Dsl;
using Gateway.Routing;

namespace Gateway.DifferentialTests;

/// <summary>Compiled and interpreted routers, and the reference matcher, must choose the same route and captures.</summary>
public sealed class MatcherAgreementTests
{
    private const int RequestCount = 120_000;

    [Fact]
    public void Match_GeneratedRequests_AllBackendsAgree()
    {
        var (result, interpreted, reference) = CreateSubjects();
        var generator = new RequestGenerator(result.Table!, seed: 20261128);
        var matchedRoutes = new HashSet<int>();
        var failures = new List<string>();

        for (var i = 0; i < RequestCount && failures.Count < 20; i++)
        {
            var request = generator.Next();
            var view = request.ToRouteRequest();
            var compiled = DifferentialRoutes.Match(in view);
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

        // The generator must reach every route (and the "no route" outcome), or the agreement proves little.
        var unreached = result.Table!.Routes.Where(r => !matchedRoutes.Contains(r.Index)).Select(r => r.Name).ToList();
        Assert.True(unreached.Count == 0, "never matched: " + string.Join(", ", unreached));
        Assert.Contains(-1, matchedRoutes);
    }

    private static (CheckResult Result, InterpretedRouteMatcher Interpreted, ReferenceMatcher Reference) CreateSubjects()
    {
        var result = RouteFile.Parse(DifferentialRoutes.SourceText, DifferentialRoutes.SourcePath);
        Assert.Empty(result.Diagnostics);
        return (result, new InterpretedRouteMatcher(result.Plan!), new ReferenceMatcher(result.Table!));
    }

    private static string[] Captures(RouteMatch match, string path) =>
        Enumerable.Range(0, match.CaptureCount).Select(i => match.GetCaptureText(i, path).ToString()).ToArray();

    private static string Describe(CheckResult result, int index, string[] captures) =>
        (index < 0 ? "none" : result.Table!.Routes[index].Name) + "(" + string.Join(", ", captures) + ")";
}
