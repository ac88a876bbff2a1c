extern alias generator;

using generator::Gateway.Dsl;
using generator::Gateway.Dsl.Collections;
using generator::Gateway.Dsl.Model;
using generator::Gateway.Dsl.Planning;
using generator::Gateway.Generator;
using generator::Gateway.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace Gateway.Generator.Tests;

/// <summary>The emitter over hand-built plans: shapes the route language cannot express yet, and plans that break its rules.</summary>
/// <remarks>Uses the generator's own copy of the dsl types (the <c>generator</c> alias), which the emitter consumes.</remarks>
public sealed class EmitterPlanTests
{
    [Fact]
    public void EmitMatcher_ConstraintOnEarlierSegment_PassesSegmentDown()
    {
        // /{a:int}/x: the constraint on segment 0 is checked two nodes further down.
        var candidate = Candidate(new ConstraintCheck(0, ParameterConstraint.Int));
        var leaf = Node(2, depth: 2, "/{:constrained}/x", terminal: [candidate]);
        var middle = Node(1, depth: 1, "/{:constrained}", literals: [new LiteralEdge { Text = "x", Node = leaf }]);
        var root = Node(0, depth: 0, "/", constrained: middle);

        var source = RoutesGenerator.EmitMatcher(Target(root));

        Assert.Contains("if (Node1(in request, method, end, next, segment, ref result))", source);
        Assert.Contains("if (segment is \"x\" && Node2(in request, method, end, next, segment0, ref result))", source);
        Assert.Contains("if (global::Gateway.Routing.SegmentConstraints.IsInt(segment0))", source);
    }

    [Fact]
    public void EmitMatcher_ConstraintOnUnreadSegment_Throws()
    {
        // A constraint on a segment the walk has not read yet is a planner bug; the generator reports it as GW0902.
        var root = Node(0, depth: 0, "/", terminal: [Candidate(new ConstraintCheck(3, ParameterConstraint.Int))]);

        var exception = Assert.Throws<InvalidOperationException>(() => RoutesGenerator.EmitMatcher(Target(root)));

        Assert.Contains("needs segment 3", exception.Message);
    }

    private static Candidate Candidate(params ConstraintCheck[] checks) => new()
    {
        RouteIndex = 0,
        RouteName = "r",
        Line = 1,
        Priority = 0,
        Constraints = checks.ToEquatableArray(),
        Methods = MethodSet.None,
        Headers = EquatableArray<HeaderMatch>.Empty,
        Queries = EquatableArray<QueryMatch>.Empty,
        CaptureSegments = EquatableArray<int>.Empty,
        EndsWithCatchAll = false,
    };

    private static PathNode Node(int id, int depth, string pattern, LiteralEdge[]? literals = null, PathNode? constrained = null, Candidate[]? terminal = null) => new()
    {
        Id = id,
        Depth = depth,
        Pattern = pattern,
        Literals = (literals ?? []).ToEquatableArray(),
        Constrained = constrained,
        Parameter = null,
        Terminal = (terminal ?? []).ToEquatableArray(),
        CatchAll = EquatableArray<Candidate>.Empty,
    };

    private static RoutesTarget Target(PathNode root)
    {
        var route = new Route
        {
            Name = "r",
            Index = 0,
            Line = 1,
            Hosts = EquatableArray<HostPattern>.Empty,
            Methods = MethodSet.None,
            Path = new PathTemplate { Text = "/{a:int}/x", Segments = EquatableArray<PathSegment>.Empty },
            Headers = EquatableArray<HeaderMatch>.Empty,
            Queries = EquatableArray<QueryMatch>.Empty,
            Priority = 0,
            Action = new RouteAction { Kind = RouteActionKind.Respond, Status = 200 },
        };
        var table = new RouteTable
        {
            FilePath = "routes.gw",
            Listen = null,
            Admin = null,
            Upstreams = EquatableArray<Upstream>.Empty,
            Routes = new[] { route }.ToEquatableArray(),
        };
        var plan = new MatchPlan { ExactHosts = default, WildcardHosts = default, AnyHost = root, MaxDepth = 2 };
        var result = new CheckResult { Table = table, Plan = plan, Diagnostics = default };
        return new RoutesTarget
        {
            Class = new RoutesClass
            {
                Namespace = "Sample",
                Name = "Routes",
                Accessibility = "public",
                IsStatic = true,
                FileName = "routes.gw",
                Match = MatchDeclaration.Partial,
                MatchAccessibility = "public",
                ShapeProblem = null,
                AttributeLocation = new LocationInfo { FilePath = "/src/Routes.cs", Span = default, LineSpan = default(LinePositionSpan) },
            },
            File = new ParsedRouteFile { FileName = "routes.gw", Path = "/src/routes.gw", Text = string.Empty, Result = result, Failure = null },
        };
    }
}
