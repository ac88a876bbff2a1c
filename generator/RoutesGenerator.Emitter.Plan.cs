using System.Collections.Generic;
using System.Linq;
using Gateway.Dsl.Planning;

namespace Gateway.Generator;

/// <summary>Walks of the <see cref="MatchPlan"/> in the order the emitted matcher tries it, so output follows precedence.</summary>
public sealed partial class RoutesGenerator
{
    /// <summary>Each trie with the host it serves, in the order <c>Match</c> tries them: exact, wildcard, any host.</summary>
    private static IEnumerable<(PathNode Root, string Host)> TrieRoots(MatchPlan plan)
    {
        foreach (var branch in plan.ExactHosts)
        {
            yield return (branch.Root, branch.Host);
        }

        foreach (var branch in plan.WildcardHosts)
        {
            yield return (branch.Root, "*" + branch.Host);
        }

        if (plan.AnyHost is not null)
        {
            yield return (plan.AnyHost, "any host");
        }
    }

    /// <summary>The node and every node below it, parents first; the emitted methods appear in this order.</summary>
    private static IEnumerable<PathNode> PreOrder(PathNode node) => new[] { node }.Concat(node.Children().SelectMany(PreOrder));

    /// <summary>The candidates at and below <paramref name="node"/> in the order a walk meets them: routes that end
    /// here, then those below each child in child order, then catch-alls from here.</summary>
    private static IEnumerable<Candidate> CandidatesInTryOrder(PathNode node) =>
        node.Terminal.Concat(node.Children().SelectMany(CandidatesInTryOrder)).Concat(node.CatchAll);

    /// <summary>The distinct route names at and below <paramref name="node"/>, for comments: <c>routes a, b and 3 more</c>.</summary>
    private static string DescribeRoutesBelow(PathNode node)
    {
        const int Shown = 3;
        var names = CandidatesInTryOrder(node).Select(candidate => candidate.RouteName).Distinct().ToList();
        var listed = string.Join(", ", names.Take(Shown));
        var more = names.Count > Shown ? " and " + (names.Count - Shown) + " more" : string.Empty;
        return (names.Count == 1 ? "route " : "routes ") + listed + more;
    }

    /// <summary>For every node, the request segments (by index) that constraints and captures at or below it need and
    /// that were read above it; the emitter passes exactly these down as <c>segmentN</c> parameters, so neither the
    /// checks nor the match scan the path again.</summary>
    private static Dictionary<int, int[]> FindSegmentParameters(MatchPlan plan)
    {
        var parameters = new Dictionary<int, int[]>();
        foreach (var (root, _) in TrieRoots(plan))
        {
            CollectSegmentNeeds(root, parameters);
        }

        return parameters;
    }

    private static SortedSet<int> CollectSegmentNeeds(PathNode node, Dictionary<int, int[]> parameters)
    {
        var needed = new SortedSet<int>(node.Terminal.Concat(node.CatchAll).SelectMany(SegmentsRead));
        foreach (var child in node.Children())
        {
            needed.UnionWith(CollectSegmentNeeds(child, parameters));
        }

        // Segments from Depth on are read at or below this node, so only earlier ones arrive as parameters.
        parameters[node.Id] = needed.Where(index => index < node.Depth).ToArray();
        return needed;
    }

    /// <summary>The segments a candidate reads once its node is reached: those its constraints check and those its
    /// parameters capture (a catch-all's capture starts at the node's <c>pos</c> and needs no segment).</summary>
    private static IEnumerable<int> SegmentsRead(Candidate candidate) =>
        candidate.Constraints.Select(check => check.SegmentIndex).Concat(candidate.CaptureSegments);
}
