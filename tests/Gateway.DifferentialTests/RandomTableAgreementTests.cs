using Gateway.DifferentialTests.Common;
using Gateway.Dsl;
using Gateway.Dsl.Diagnostics;
using Gateway.Routing;

namespace Gateway.DifferentialTests;

/// <summary>On random route tables, the interpreted router walks the plan to the same answer as the reference matcher.</summary>
/// <remarks>The compiled router needs a build per table, so this covers the plan's precedence and tie rules over many
/// shapes; <see cref="MatcherAgreementTests"/> holds the compiled router to the interpreted one.</remarks>
public sealed class RandomTableAgreementTests
{
    private const int Tables = 300;
    private const int RequestsPerTable = 400;

    [Fact]
    public void Match_RandomTables_InterpretedAgreesWithReference()
    {
        var factory = new RandomTableFactory(seed: 42);
        var checkedTables = 0;
        var failures = new List<string>();
        for (var t = 0; t < Tables && failures.Count < 10; t++)
        {
            var text = factory.Next(routes: 4 + (t % 12));
            var result = RouteFile.Parse(text, "random.gw");

            // Only ties may reject a generated file; anything else is a bug in the factory or the checker.
            Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticCode.AmbiguousRoutes, d.Code));
            if (result.HasErrors)
            {
                continue;
            }

            checkedTables++;
            var interpreted = new InterpretedRouteMatcher(result.Plan!);
            var reference = new ReferenceMatcher(result.Table!);
            var requests = new RequestGenerator(result.Table!, seed: t);
            for (var i = 0; i < RequestsPerTable; i++)
            {
                var request = requests.Next();
                var view = request.ToRouteRequest();
                var walked = interpreted.Match(in view);
                var expected = reference.Match(request);
                if (expected.Tie is not null || walked.RouteIndex != expected.RouteIndex)
                {
                    failures.Add($"table {t}: {request}: interpreted {walked.RouteIndex}, reference {expected.RouteIndex} {expected.Tie}\n{text}");
                    break;
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(checkedTables >= Tables / 5, $"only {checkedTables} of {Tables} random tables were free of ties");
    }
}
