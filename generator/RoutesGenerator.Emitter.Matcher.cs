using System.Collections.Generic;
using System.Linq;
using Gateway.Dsl.Model;
using Gateway.Dsl.Planning;
using Gateway.Generator.Model;

namespace Gateway.Generator;

/// <summary>Emits <c>Match</c> (host dispatch) and the file-local trie class with one method per <see cref="PathNode"/>.</summary>
public sealed partial class RoutesGenerator
{
    private const string NodeParameters = "in global::Gateway.Routing.RouteRequest request, global::Gateway.Dsl.Model.MethodSet method, int end, int pos";
    private const string ResultParameter = "ref global::Gateway.Routing.RouteMatch result";

    /// <summary>Writes <c>Match</c>: normalize the host, then try exact hosts, wildcard hosts and host-less routes in turn.</summary>
    private static void WriteMatchMethod(SourceWriter writer, RoutesClass routesClass, string fileName, MatchPlan plan)
    {
        var trie = TrieClassName(routesClass);
        writer.WriteLine("/// <summary>Chooses the most specific route of <c>" + XmlEscape(fileName) + "</c> for <paramref name=\"request\"/>, allocating nothing.</summary>");
        writer.WriteLine("/// <returns>The route's index and captured ranges, or <c>RouteMatch.None</c> when no route matches.</returns>");
        writer.WriteLine(GeneratedCodeAttribute);
        writer.WriteLine(MatchSignature(routesClass));
        using (writer.Block())
        {
            writer.WriteLine("var method = global::Gateway.Routing.MethodBits.Of(request.Method);");
            writer.WriteLine("var end = global::Gateway.Routing.PathCursor.EffectiveEnd(request.Path);");
            writer.WriteLine("var result = default(global::Gateway.Routing.RouteMatch); // Set by the trie node that matches.");
            if (plan.ExactHosts.Count > 0 || plan.WildcardHosts.Count > 0)
            {
                writer.WriteLine();
                writer.WriteLine("// Hosts compare in lower case without port or trailing dot; an unusable host reaches only routes without one.");
                writer.WriteLine("global::System.Span<char> hostBuffer = stackalloc char[global::Gateway.Routing.HostName.MaxLength];");
                writer.WriteLine("var host = global::Gateway.Routing.HostName.Normalize(request.Host, hostBuffer);");
            }

            var step = 1;
            if (plan.ExactHosts.Count > 0)
            {
                writer.WriteLine();
                writer.WriteLine("// " + step++ + ". Exact hosts. When none of a host's routes fits, the request falls through to the next host class.");
                WriteExactHosts(writer, trie, plan.ExactHosts);
            }

            if (plan.WildcardHosts.Count > 0)
            {
                writer.WriteLine();
                writer.WriteLine("// " + step++ + ". Wildcard hosts, longest suffix first; each needs at least one label before its suffix.");
                for (var i = 0; i < plan.WildcardHosts.Count; i++)
                {
                    var branch = plan.WildcardHosts[i];
                    if (i > 0)
                    {
                        writer.WriteLine();
                    }

                    writer.WriteLine("// *" + branch.Host + ": " + DescribeRoutesBelow(branch.Root) + ".");
                    writer.WriteLine("if (global::Gateway.Routing.HostName.MatchesWildcard(host, " + Literal(branch.Host) + ")");
                    writer.WriteLine("    && " + RootCall(trie, branch.Root) + ")");
                    WriteReturnResult(writer);
                }
            }

            if (plan.AnyHost is not null)
            {
                writer.WriteLine();
                writer.WriteLine("// " + step + ". Routes that name no host: " + DescribeRoutesBelow(plan.AnyHost) + ".");
                writer.WriteLine("if (" + RootCall(trie, plan.AnyHost) + ")");
                WriteReturnResult(writer);
            }

            writer.WriteLine();
            writer.WriteLine("return global::Gateway.Routing.RouteMatch.None; // No route matched: the gateway answers 404.");
        }
    }

    /// <summary>One host compares with <c>is</c>; several share a <c>switch</c>, which the compiler turns into a jump table.</summary>
    private static void WriteExactHosts(SourceWriter writer, string trie, IReadOnlyList<HostBranch> branches)
    {
        if (branches.Count == 1)
        {
            writer.WriteLine("// " + branches[0].Host + ": " + DescribeRoutesBelow(branches[0].Root) + ".");
            writer.WriteLine("if (host is " + Literal(branches[0].Host) + " && " + RootCall(trie, branches[0].Root) + ")");
            WriteReturnResult(writer);
            return;
        }

        writer.WriteLine("switch (host)");
        using (writer.Block())
        {
            for (var i = 0; i < branches.Count; i++)
            {
                if (i > 0)
                {
                    writer.WriteLine();
                }

                writer.WriteLine("case " + Literal(branches[i].Host) + ": // " + DescribeRoutesBelow(branches[i].Root) + ".");
                using (writer.Indented())
                {
                    writer.WriteLine("if (" + RootCall(trie, branches[i].Root) + ")");
                    WriteReturnResult(writer);
                    writer.WriteLine();
                    writer.WriteLine("break;");
                }
            }
        }
    }

    private static void WriteReturnResult(SourceWriter writer)
    {
        using (writer.Block())
        {
            writer.WriteLine("return result;");
        }
    }

    /// <summary>The call that starts a trie at the first segment; roots need no segment parameters.</summary>
    private static string RootCall(string trie, PathNode root) =>
        trie + ".Node" + root.Id + "(in request, method, end, global::Gateway.Routing.PathCursor.Start, ref result)";

    /// <summary>The file-local class holding the trie, named after the routes class so that several can share a namespace.</summary>
    private static string TrieClassName(RoutesClass routesClass) => routesClass.Name + "Trie";

    /// <summary>Writes the trie class: every node of every host's trie, in the order <c>Match</c> reaches them.</summary>
    private static void WriteTrieClass(SourceWriter writer, RoutesClass routesClass, string fileName, RouteTable table, MatchPlan plan)
    {
        var segmentParameters = FindSegmentParameters(plan);
        writer.WriteLine("/// <summary>The segment trie behind <c>" + routesClass.Name + ".Match</c>: one method per node of the plan for <c>" + XmlEscape(fileName) + "</c>.</summary>");
        writer.WriteLine("/// <remarks>");
        writer.WriteLine("/// A node returns true with <c>result</c> set when a route at or below it matches. When the path ends at the node it");
        writer.WriteLine("/// tries the routes that end there; otherwise it reads the next segment and tries the literal child, the constrained");
        writer.WriteLine("/// parameter child and the parameter child. Either way, catch-all routes that start at the node come last.");
        writer.WriteLine("/// <c>pos</c> is where the next segment starts; <c>segmentN</c> is request segment N when a constraint below needs it.");
        writer.WriteLine("/// </remarks>");
        writer.WriteLine(GeneratedCodeAttribute);
        writer.WriteLine("file static class " + TrieClassName(routesClass));
        using (writer.Block())
        {
            var first = !WriteCaptureArrays(writer, plan);
            foreach (var (root, host) in TrieRoots(plan))
            {
                foreach (var node in PreOrder(root))
                {
                    if (!first)
                    {
                        writer.WriteLine();
                    }

                    first = false;
                    WriteNode(writer, node, host, table, segmentParameters);
                }
            }
        }
    }

    /// <summary>Writes one node method; see the trie class's remarks for the order of tries.</summary>
    private static void WriteNode(SourceWriter writer, PathNode node, string host, RouteTable table, IReadOnlyDictionary<int, int[]> segmentParameters)
    {
        var segments = string.Concat(segmentParameters[node.Id].Select(index => ", global::System.ReadOnlySpan<char> segment" + index));
        writer.WriteLine("/// <summary>Node " + node.Id + ": <c>" + XmlEscape(node.Pattern) + "</c> on " + XmlEscape(host) + ".</summary>");
        writer.WriteLine("internal static bool Node" + node.Id + "(" + NodeParameters + segments + ", " + ResultParameter + ")");
        using (writer.Block())
        {
            var hasChildren = Children(node).Any();
            if (node.Terminal.Count > 0)
            {
                writer.WriteLine("if (global::Gateway.Routing.PathCursor.AtEnd(pos, end))");
                using (writer.Block())
                {
                    writer.WriteLine("// The path ends at " + CommentText(node.Pattern) + ".");
                    WriteCandidates(writer, node, node.Terminal, table);
                }

                if (hasChildren)
                {
                    writer.WriteLine("else");
                    using (writer.Block())
                    {
                        WriteChildren(writer, node, segmentParameters);
                    }
                }
            }
            else if (hasChildren)
            {
                writer.WriteLine("if (!global::Gateway.Routing.PathCursor.AtEnd(pos, end))");
                using (writer.Block())
                {
                    WriteChildren(writer, node, segmentParameters);
                }
            }

            var returned = false;
            if (node.CatchAll.Count > 0)
            {
                if (node.Terminal.Count > 0 || hasChildren)
                {
                    writer.WriteLine();
                }

                writer.WriteLine("// Catch-alls from " + CommentText(node.Pattern) + " take the rest of the path, zero or more segments.");
                returned = WriteCandidates(writer, node, node.CatchAll, table);
            }

            if (!returned)
            {
                if (node.Terminal.Count > 0 || hasChildren || node.CatchAll.Count > 0)
                {
                    writer.WriteLine();
                }

                writer.WriteLine("return false; // Nothing at or below " + CommentText(node.Pattern) + " fits; the caller tries its next branch.");
            }
        }
    }

    /// <summary>Reads the next segment and tries the children in precedence order.</summary>
    private static void WriteChildren(SourceWriter writer, PathNode node, IReadOnlyDictionary<int, int[]> segmentParameters)
    {
        // pos stays at the segment's start: a catch-all from this node captures from there.
        writer.WriteLine("var next = pos;");
        writer.WriteLine("global::Gateway.Routing.PathCursor.TryNext(request.Path, end, ref next, out var segment);");
        if (node.Literals.Count == 1)
        {
            var edge = node.Literals[0];
            writer.WriteLine();
            writer.WriteLine("// " + CommentText(edge.Node.Pattern) + ": " + DescribeRoutesBelow(edge.Node) + ".");
            writer.WriteLine("if (segment is " + Literal(edge.Text) + " && " + ChildCall(node, edge.Node, segmentParameters) + ")");
            WriteReturnTrue(writer);
        }
        else if (node.Literals.Count > 1)
        {
            writer.WriteLine();
            writer.WriteLine("switch (segment)");
            using (writer.Block())
            {
                for (var i = 0; i < node.Literals.Count; i++)
                {
                    var edge = node.Literals[i];
                    if (i > 0)
                    {
                        writer.WriteLine();
                    }

                    writer.WriteLine("case " + Literal(edge.Text) + ": // " + CommentText(edge.Node.Pattern) + ": " + DescribeRoutesBelow(edge.Node) + ".");
                    using (writer.Indented())
                    {
                        writer.WriteLine("if (" + ChildCall(node, edge.Node, segmentParameters) + ")");
                        WriteReturnTrue(writer);
                        writer.WriteLine();
                        writer.WriteLine("break;");
                    }
                }
            }
        }

        if (node.Constrained is null && node.Parameter is null)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("// Parameters take only non-empty segments; an empty one (/a//b) is left to catch-alls.");
        writer.WriteLine("if (segment.Length > 0)");
        using (writer.Block())
        {
            var parameterChildren = new[] { (node.Constrained, " (each checks its own constraint)"), (node.Parameter, string.Empty) };
            var first = true;
            foreach (var (child, note) in parameterChildren)
            {
                if (child is null)
                {
                    continue;
                }

                if (!first)
                {
                    writer.WriteLine();
                }

                first = false;
                writer.WriteLine("// " + CommentText(child.Pattern) + ": " + DescribeRoutesBelow(child) + note + ".");
                writer.WriteLine("if (" + ChildCall(node, child, segmentParameters) + ")");
                WriteReturnTrue(writer);
            }
        }
    }

    private static void WriteReturnTrue(SourceWriter writer)
    {
        using (writer.Block())
        {
            writer.WriteLine("return true;");
        }
    }

    /// <summary>The call to <paramref name="child"/> after <paramref name="node"/> read <c>segment</c>; passes down the
    /// segments the child's constraints need.</summary>
    private static string ChildCall(PathNode node, PathNode child, IReadOnlyDictionary<int, int[]> segmentParameters)
    {
        var segments = string.Concat(segmentParameters[child.Id].Select(index => ", " + SegmentExpression(node, index, current: true)));
        return "Node" + child.Id + "(in request, method, end, next" + segments + ", ref result)";
    }

    /// <summary>The expression for request segment <paramref name="index"/> inside <paramref name="node"/>'s method.</summary>
    private static string SegmentExpression(PathNode node, int index, bool current)
    {
        if (index < node.Depth)
        {
            return "segment" + index;
        }

        if (current && index == node.Depth)
        {
            return "segment";
        }

        // The planner guarantees constraints refer to segments already read; anything else is a bug reported as GW0902.
        throw new System.InvalidOperationException("node " + node.Id + " (" + node.Pattern + ") needs segment " + index + " before reading it");
    }

    /// <summary>Text safe inside a <c>//</c> comment: no line breaks.</summary>
    private static string CommentText(string text) => text.Replace('\r', ' ').Replace('\n', ' ');
}
