extern alias generator;

using System.Text;
using Gateway.Dsl;
using Gateway.Routing;
using generator::Gateway.Dsl.Collections;
using generator::Gateway.Dsl.Model;
using generator::Gateway.Dsl.Planning;
using generator::Gateway.Generator;

namespace Gateway.Generator.Tests;

/// <summary>A node with more literal children than one switch may take: the length and character dispatch must reach
/// exactly the literal that equals the segment, and fall through to the parameter and catch-all routes otherwise.</summary>
public sealed class WideNodeTests
{
    // 96 of the 128 seven-letter words over {x, y}: every character position splits them only in two, so a group of
    // 96 needs two levels of character switches to get down to 32; the 32 left out are near misses.
    private static readonly string[] Binary = [.. Enumerable.Range(0, 128).Where(i => i % 4 != 3).Select(BinaryWord)];

    private static readonly string[] Missing = [.. Enumerable.Range(0, 128).Where(i => i % 4 == 3).Select(BinaryWord)];

    // Mixed lengths, a shared prefix, case that differs only in one letter, and characters a switch on a char must escape.
    private static readonly string[] Services =
    [
        .. Enumerable.Range(1, 60).Select(i => "svc" + i),
        "a", "A", "it's", "back\\slash", "dash-ed", "dot.ted", "tilde~", "under_score", "Svc1", "svc1x",
    ];

    private static readonly Lazy<(CompiledRouteMatcher Compiled, InterpretedRouteMatcher Interpreted, string[] Names)> Subject = new(CreateSubject);

    [Fact]
    public void PlanLiteralDispatch_ManyLiterals_GroupsSmallDisjointAndComplete()
    {
        var edges = Binary.Concat(Services).Select(text => new LiteralEdge { Text = text, Node = Leaf() }).ToArray();

        var dispatch = RoutesGenerator.PlanLiteralDispatch(edges);

        var groups = dispatch.Groups().ToList();
        Assert.All(groups, group => Assert.InRange(group.Edges.Count, 1, RoutesGenerator.MaxSwitchCases));
        Assert.Equal(edges.Select(e => e.Text).OrderBy(t => t, StringComparer.Ordinal), groups.SelectMany(g => g.Edges).Select(e => e.Text).OrderBy(t => t, StringComparer.Ordinal));
        Assert.Equal(groups.Count, groups.Select(g => g.Index).Distinct().Count());

        // The seven-letter words are split twice by character under their length.
        var sevens = dispatch.Branches.Single(b => b.Key == 7).Next;
        Assert.True(sevens.Position >= 0, "the 7-letter literals are split by a character");
        Assert.Contains(sevens.Branches, b => b.Next.Position >= 0);

        // Each literal sits under the keys that lead to its group: its length, then its character at each position.
        foreach (var edge in edges)
        {
            var level = dispatch.Branches.Single(b => b.Key == edge.Text.Length).Next;
            while (level.Group is null)
            {
                level = level.Branches.Single(b => b.Key == edge.Text[level.Position]).Next;
            }

            Assert.Contains(edge, level.Group.Edges);
        }
    }

    [Fact]
    public void PlanLiteralDispatch_SameInputTwice_SamePlan()
    {
        var edges = Binary.Reverse().Concat(Services).Select(text => new LiteralEdge { Text = text, Node = Leaf() }).ToArray();

        static string Shape(RoutesGenerator.LiteralDispatch dispatch) => dispatch.Group is { } group
            ? "[" + group.Index + ":" + string.Join(",", group.Edges.Select(e => e.Text)) + "]"
            : dispatch.Position + "{" + string.Join(";", dispatch.Branches.Select(b => b.Key + "=" + Shape(b.Next))) + "}";

        Assert.Equal(Shape(RoutesGenerator.PlanLiteralDispatch(edges)), Shape(RoutesGenerator.PlanLiteralDispatch(edges)));
    }

    [Fact]
    public void EmitMatcher_WideNode_NoSwitchOverMaxCases()
    {
        var source = GeneratorHarness.Run(RouteFileText()).SingleSource;

        Assert.Contains("switch (segment.Length)", source);
        Assert.Contains("switch (segment[", source);
        var largest = LiteralSwitchSizes(source).Max();
        Assert.InRange(largest, 2, RoutesGenerator.MaxSwitchCases);
    }

    [Fact]
    public void Match_EveryLiteral_ReachesItsRoute()
    {
        var (compiled, interpreted, names) = Subject.Value;
        foreach (var name in Binary.Concat(Services))
        {
            AssertMatch(compiled, interpreted, names, "/api/" + name, "lit-" + name, "");
            AssertMatch(compiled, interpreted, names, "/api/" + name + "/items/42", "items-" + name, "42");
        }
    }

    [Fact]
    public void Match_NearMisses_FallToParameterThenCatchAll()
    {
        var (compiled, interpreted, names) = Subject.Value;
        string[] misses = [.. Missing, "svc61", "svc0", "SVC1", "svc1y", "b", "B", "its", "dot-ted", "xxxxxxxx", "xxxxxx", "svc"];
        foreach (var miss in misses)
        {
            // One segment: the parameter route; more: the catch-all, which captures the rest.
            AssertMatch(compiled, interpreted, names, "/api/" + miss, "by-name", miss);
            AssertMatch(compiled, interpreted, names, "/api/" + miss + "/items/42", "rest", miss + "/items/42");
        }
    }

    private static void AssertMatch(CompiledRouteMatcher compiled, InterpretedRouteMatcher interpreted, string[] names, string path, string route, string captures)
    {
        var request = new RouteRequest("localhost", "GET", path, "", headers: null);
        var match = compiled.Match(in request);
        var walked = interpreted.Match(in request);

        Assert.True(match.Success, "no match for " + path);
        Assert.Equal(route, names[match.RouteIndex]);
        Assert.Equal(captures, string.Join("|", Enumerable.Range(0, match.CaptureCount).Select(i => match.GetCaptureText(i, path).ToString())));
        Assert.Equal(walked.RouteIndex, match.RouteIndex);
    }

    private static string RouteFileText()
    {
        var text = new StringBuilder("upstream app {\n  endpoints http://127.0.0.1:5001\n}\n");
        var routeNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in Binary.Concat(Services))
        {
            // Route names must be unique and plain; literal paths may hold the other characters.
            var id = Convert.ToHexString(Encoding.UTF8.GetBytes(name)).ToLowerInvariant();
            Assert.True(routeNames.Add(id));
            text.Append("route lit-").Append(id).Append(" {\n  path /api/").Append(name).Append("\n  to app\n}\n");
            text.Append("route items-").Append(id).Append(" {\n  path /api/").Append(name).Append("/items/{id}\n  to app\n}\n");
        }

        text.Append("route by-name {\n  path /api/{name}\n  to app\n}\n");
        text.Append("route rest {\n  path /api/{**rest}\n  to app\n}\n");
        return text.ToString();
    }

    private static (CompiledRouteMatcher, InterpretedRouteMatcher, string[]) CreateSubject()
    {
        var text = RouteFileText();
        var run = GeneratorHarness.Run(text);
        var assembly = GeneratorHarness.Load(run);
        var match = assembly.GetType("Sample.Routing.Routes")!.GetMethod("Match")!.CreateDelegate<CompiledRouteMatcher.MatchFunction>();
        var checkedFile = RouteFile.Parse(text, "routes.gw");
        Assert.Empty(checkedFile.Diagnostics);

        // Route names in the file are hex ids; the tests speak of the literal text.
        var byId = Binary.Concat(Services).ToDictionary(name => Convert.ToHexString(Encoding.UTF8.GetBytes(name)).ToLowerInvariant(), StringComparer.Ordinal);
        var names = checkedFile.Table!.Routes.Select(r => r.Name).Select(n =>
            n.StartsWith("lit-", StringComparison.Ordinal) ? "lit-" + byId[n[4..]]
            : n.StartsWith("items-", StringComparison.Ordinal) ? "items-" + byId[n[6..]]
            : n).ToArray();
        return (new CompiledRouteMatcher(match), new InterpretedRouteMatcher(checkedFile.Plan!), names);
    }

    /// <summary>For each <c>switch (segment)</c> in <paramref name="source"/>, how many string cases it has.</summary>
    private static IEnumerable<int> LiteralSwitchSizes(string source)
    {
        var lines = source.Split('\n').Select(l => l.Trim()).ToArray();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i] != "switch (segment)")
            {
                continue;
            }

            // The switch's cases run to its closing brace at the same indentation as its opening one.
            var cases = 0;
            var depth = 0;
            for (var j = i + 1; j < lines.Length; j++)
            {
                depth += lines[j].Count(c => c == '{') - lines[j].Count(c => c == '}');
                if (lines[j].StartsWith("case \"", StringComparison.Ordinal))
                {
                    cases++;
                }

                if (depth <= 0 && lines[j] == "}")
                {
                    break;
                }
            }

            yield return cases;
        }
    }

    /// <summary>The 7 bits of <paramref name="number"/> as x (0) and y (1), most significant first.</summary>
    private static string BinaryWord(int number) =>
        string.Concat(Enumerable.Range(0, 7).Select(bit => ((number >> (6 - bit)) & 1) == 0 ? 'x' : 'y'));

    private static PathNode Leaf() => new()
    {
        Id = 1,
        Depth = 1,
        Pattern = "/x",
        Literals = EquatableArray<LiteralEdge>.Empty,
        Constrained = null,
        Parameter = null,
        Terminal = EquatableArray<Candidate>.Empty,
        CatchAll = EquatableArray<Candidate>.Empty,
    };
}
