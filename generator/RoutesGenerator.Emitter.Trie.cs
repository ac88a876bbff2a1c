using System.Collections.Generic;
using System.Linq;
using Gateway.Dsl.Model;
using Gateway.Dsl.Planning;
using Gateway.Generator.Model;

namespace Gateway.Generator;

/// <summary>Emits the file-local trie class: one method per <see cref="PathNode"/>, children tried in precedence order.</summary>
public sealed partial class RoutesGenerator
{
    private const string NodeParameters = "in global::Gateway.Routing.RouteRequest request, global::Gateway.Dsl.Model.MethodSet method, int end, int pos";
    private const string ResultParameter = "ref global::Gateway.Routing.RouteMatch result";

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
        writer.WriteLine("/// <c>pos</c> is where the next segment starts; <c>segmentN</c> is request segment N when a constraint or capture below needs it.");
        writer.WriteLine("/// </remarks>");
        writer.WriteLine(GeneratedCodeAttribute);
        writer.WriteLine("file static class " + TrieClassName(routesClass));
        using (writer.Block())
        {
            var first = true;
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
        // One method per node keeps each decision small enough to read, and its summary names the path it serves;
        // calls nest at most as deep as the trie (the plan's MaxDepth), however long the request path is.
        var segments = SegmentParameterList(node, segmentParameters);
        var dispatch = node.Literals.Count > MaxSwitchCases ? PlanLiteralDispatch(node.Literals) : null;
        writer.WriteLine("/// <summary>Node " + node.Id + ": <c>" + XmlEscape(node.Pattern) + "</c> on " + XmlEscape(host) + ".</summary>");
        writer.WriteLine("internal static bool Node" + node.Id + "(" + NodeParameters + segments + ", " + ResultParameter + ")");
        using (writer.Block())
        {
            // At the end of the path only the routes ending here can match; otherwise only the children can. Catch-alls
            // come after either, so they sit outside the if/else, written once.
            var hasChildren = node.Children().Any();
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
                        WriteChildren(writer, node, dispatch, segmentParameters);
                    }
                }
            }
            else if (hasChildren)
            {
                writer.WriteLine("if (!global::Gateway.Routing.PathCursor.AtEnd(pos, end))");
                using (writer.Block())
                {
                    WriteChildren(writer, node, dispatch, segmentParameters);
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

            // After an unconditional candidate the method has returned; a further return would be unreachable (CS0162).
            if (!returned)
            {
                if (node.Terminal.Count > 0 || hasChildren || node.CatchAll.Count > 0)
                {
                    writer.WriteLine();
                }

                writer.WriteLine("return false; // Nothing at or below " + CommentText(node.Pattern) + " fits; the caller tries its next branch.");
            }
        }

        if (dispatch is not null)
        {
            WriteLiteralGroupMethods(writer, node, dispatch, host, segmentParameters);
        }
    }

    /// <summary>Reads the next segment and tries the children in precedence order.</summary>
    private static void WriteChildren(SourceWriter writer, PathNode node, LiteralDispatch? dispatch, IReadOnlyDictionary<int, int[]> segmentParameters)
    {
        // pos stays at the segment's start: a catch-all from this node captures from there.
        writer.WriteLine("var next = pos;");
        writer.WriteLine("global::Gateway.Routing.PathCursor.TryNext(request.Path, end, ref next, out var segment);");
        // One literal reads best as a pattern test; several share a switch, which the compiler turns into a length and
        // character dispatch rather than a chain of comparisons.
        if (node.Literals.Count == 1)
        {
            var edge = node.Literals[0];
            writer.WriteLine();
            writer.WriteLine("// " + CommentText(edge.Node.Pattern) + ": " + DescribeRoutesBelow(edge.Node) + ".");
            writer.WriteLine("if (segment is " + Literal(edge.Text) + " && " + ChildCall(node, edge.Node, segmentParameters) + ")");
            WriteReturnTrue(writer);
        }
        else if (dispatch is not null)
        {
            writer.WriteLine();
            WriteLiteralDispatch(writer, node, dispatch, segmentParameters);
        }
        else if (node.Literals.Count > 1)
        {
            writer.WriteLine();
            WriteLiteralSwitch(writer, node, node.Literals, segmentParameters);
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

    /// <summary>A <c>switch</c> on the segment over <paramref name="edges"/>, each case calling its child.</summary>
    private static void WriteLiteralSwitch(SourceWriter writer, PathNode node, IReadOnlyList<LiteralEdge> edges, IReadOnlyDictionary<int, int[]> segmentParameters)
    {
        writer.WriteLine("switch (segment)");
        using (writer.Block())
        {
            for (var i = 0; i < edges.Count; i++)
            {
                var edge = edges[i];
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

    private static void WriteReturnTrue(SourceWriter writer)
    {
        using (writer.Block())
        {
            writer.WriteLine("return true;");
        }
    }

    /// <summary>The <c>segmentN</c> parameters of <paramref name="node"/>'s method, each with a leading comma.</summary>
    private static string SegmentParameterList(PathNode node, IReadOnlyDictionary<int, int[]> segmentParameters) =>
        string.Concat(segmentParameters[node.Id].Select(index => ", global::System.ReadOnlySpan<char> segment" + index));

    /// <summary>The same segments as arguments, for a call made inside <paramref name="node"/>'s method.</summary>
    private static string SegmentArgumentList(PathNode node, IReadOnlyDictionary<int, int[]> segmentParameters) =>
        string.Concat(segmentParameters[node.Id].Select(index => ", segment" + index));

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
