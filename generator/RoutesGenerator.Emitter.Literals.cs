using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Gateway.Dsl.Planning;
using Microsoft.CodeAnalysis.CSharp;

namespace Gateway.Generator;

/// <summary>Emits the literal children of a wide node (many services under <c>/api</c>) as several small switches.</summary>
/// <remarks>
/// One <c>switch</c> over hundreds of span cases compiles to a method the JIT handles badly: the compiler's lowering
/// gives every case its own span temporaries, so at 200 cases the method has more locals than the JIT tracks and its
/// prologue zeroes over 2 KB of stack on every call (measured: 40% of a match at 1,000 routes), and at 2,000 cases the
/// JIT gives up optimizing it altogether ("switched to MinOpts"). So a node with more than <see cref="MaxSwitchCases"/>
/// literals dispatches on the segment's length, then, where a length still has too many, on the one character position
/// that splits them most, until each group has at most <see cref="MaxSwitchCases"/> literals; each group is a switch
/// in its own method. The length and character switches are jump tables over integers, and precedence is unchanged:
/// at most one literal can equal the segment, and the node tries its parameter children after the dispatch as before.
/// </remarks>
public sealed partial class RoutesGenerator
{
    /// <summary>The most literal cases one emitted <c>switch</c> gets.</summary>
    internal const int MaxSwitchCases = 32;

    /// <summary>Writes the length (and character) dispatch to the node's literal groups, in place of one switch.</summary>
    private static void WriteLiteralDispatch(SourceWriter writer, PathNode node, LiteralDispatch dispatch, IReadOnlyDictionary<int, int[]> segmentParameters)
    {
        writer.WriteLine("// " + node.Literals.Count.ToString(CultureInfo.InvariantCulture) + " literal children: split by length and character into groups of at most "
            + MaxSwitchCases.ToString(CultureInfo.InvariantCulture) + ", each a switch in its own method, so every method stays small enough to optimize.");
        WriteDispatchLevel(writer, node, dispatch, segmentParameters);
    }

    /// <summary>Writes the methods behind <see cref="WriteLiteralDispatch"/>, after the node's own method.</summary>
    private static void WriteLiteralGroupMethods(SourceWriter writer, PathNode node, LiteralDispatch dispatch, string host, IReadOnlyDictionary<int, int[]> segmentParameters)
    {
        var segments = SegmentParameterList(node, segmentParameters);
        foreach (var group in dispatch.Groups())
        {
            if (group.Edges.Count == 1)
            {
                continue; // Written inline by the dispatch.
            }

            writer.WriteLine();
            writer.WriteLine("/// <summary>Node " + node.Id.ToString(CultureInfo.InvariantCulture) + " (<c>" + XmlEscape(node.Pattern) + "</c> on " + XmlEscape(host)
                + "), literal group " + group.Index.ToString(CultureInfo.InvariantCulture) + ": " + XmlEscape(DescribeGroup(group.Edges)) + ".</summary>");
            writer.WriteLine("internal static bool " + GroupMethodName(node, group) + "(in global::Gateway.Routing.RouteRequest request, global::Gateway.Dsl.Model.MethodSet method, int end, int next"
                + segments + ", global::System.ReadOnlySpan<char> segment, " + ResultParameter + ")");
            using (writer.Block())
            {
                WriteLiteralSwitch(writer, node, group.Edges, segmentParameters);
                writer.WriteLine();
                writer.WriteLine("return false; // No literal of this group equals the segment.");
            }
        }
    }

    private static void WriteDispatchLevel(SourceWriter writer, PathNode node, LiteralDispatch dispatch, IReadOnlyDictionary<int, int[]> segmentParameters)
    {
        var selector = dispatch.Position < 0 ? "segment.Length" : "segment[" + dispatch.Position.ToString(CultureInfo.InvariantCulture) + "]";
        writer.WriteLine("switch (" + selector + ")");
        using (writer.Block())
        {
            for (var i = 0; i < dispatch.Branches.Count; i++)
            {
                var (key, next) = dispatch.Branches[i];
                if (i > 0)
                {
                    writer.WriteLine();
                }

                var label = dispatch.Position < 0 ? key.ToString(CultureInfo.InvariantCulture) : SymbolDisplay.FormatLiteral((char)key, quote: true);
                if (next.Group is { } group)
                {
                    writer.WriteLine("case " + label + ": // " + CommentText(DescribeGroup(group.Edges)));
                    using (writer.Indented())
                    {
                        if (group.Edges.Count == 1)
                        {
                            writer.WriteLine("if (segment is " + Literal(group.Edges[0].Text) + " && " + ChildCall(node, group.Edges[0].Node, segmentParameters) + ")");
                        }
                        else
                        {
                            writer.WriteLine("if (" + GroupMethodName(node, group) + "(in request, method, end, next" + SegmentArgumentList(node, segmentParameters)
                                + ", segment, ref result))");
                        }

                        WriteReturnTrue(writer);
                        writer.WriteLine();
                        writer.WriteLine("break;");
                    }
                }
                else
                {
                    writer.WriteLine("case " + label + ":");
                    using (writer.Indented())
                    {
                        WriteDispatchLevel(writer, node, next, segmentParameters);
                        writer.WriteLine();
                        writer.WriteLine("break;");
                    }
                }
            }
        }
    }

    private static string GroupMethodName(PathNode node, LiteralGroup group) =>
        "Node" + node.Id.ToString(CultureInfo.InvariantCulture) + "Literals" + group.Index.ToString(CultureInfo.InvariantCulture);

    /// <summary>For a comment: <c>"svc100" … "svc190" (12 literals)</c>, or the one literal.</summary>
    private static string DescribeGroup(IReadOnlyList<LiteralEdge> edges) => edges.Count == 1
        ? Literal(edges[0].Text)
        : Literal(edges[0].Text) + " … " + Literal(edges[edges.Count - 1].Text) + " (" + edges.Count.ToString(CultureInfo.InvariantCulture) + " literals)";

    /// <summary>Splits <paramref name="edges"/> first by length, then by character until each group is small enough.</summary>
    /// <remarks>Deterministic: lengths and characters ascend, and a group keeps the plan's order of its literals.</remarks>
    internal static LiteralDispatch PlanLiteralDispatch(IReadOnlyList<LiteralEdge> edges)
    {
        var groupCount = 0;
        var branches = edges
            .GroupBy(edge => edge.Text.Length)
            .OrderBy(byLength => byLength.Key)
            .Select(byLength => (byLength.Key, SplitSameLength(byLength.ToList(), ref groupCount)))
            .ToList();
        return new LiteralDispatch(-1, branches, group: null);
    }

    private static LiteralDispatch SplitSameLength(List<LiteralEdge> edges, ref int groupCount)
    {
        if (edges.Count <= MaxSwitchCases)
        {
            return new LiteralDispatch(-1, [], new LiteralGroup(groupCount++, edges));
        }

        // Distinct literals of one length differ somewhere, so the best position has at least two characters and
        // every split makes each part smaller.
        var length = edges[0].Text.Length;
        var position = Enumerable.Range(0, length)
            .OrderByDescending(index => edges.Select(edge => edge.Text[index]).Distinct().Count())
            .ThenBy(index => index)
            .First();
        var branches = new List<(int Key, LiteralDispatch Next)>();
        foreach (var byChar in edges.GroupBy(edge => edge.Text[position]).OrderBy(byChar => byChar.Key))
        {
            branches.Add((byChar.Key, SplitSameLength(byChar.ToList(), ref groupCount)));
        }

        return new LiteralDispatch(position, branches, group: null);
    }

    /// <summary>One level of the dispatch: a switch on the length (<see cref="Position"/> -1) or on one character, or a group.</summary>
    internal sealed class LiteralDispatch(int position, IReadOnlyList<(int Key, LiteralDispatch Next)> branches, LiteralGroup? group)
    {
        /// <summary>-1 to switch on the length, else the character index switched on.</summary>
        public int Position { get; } = position;

        /// <summary>The cases: a length or a character code, and what follows it.</summary>
        public IReadOnlyList<(int Key, LiteralDispatch Next)> Branches { get; } = branches;

        /// <summary>Set when this is a leaf: the literals one switch takes.</summary>
        public LiteralGroup? Group { get; } = group;

        /// <summary>Every group below, in emission order.</summary>
        public IEnumerable<LiteralGroup> Groups() => Group is not null ? [Group] : Branches.SelectMany(branch => branch.Next.Groups());
    }

    /// <summary>Literals that share one switch; <see cref="Index"/> numbers the group's method within its node.</summary>
    internal sealed class LiteralGroup(int index, IReadOnlyList<LiteralEdge> edges)
    {
        public int Index { get; } = index;

        public IReadOnlyList<LiteralEdge> Edges { get; } = edges;
    }
}
