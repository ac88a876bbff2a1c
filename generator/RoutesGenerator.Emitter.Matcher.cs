using System.Collections.Generic;
using System.Linq;
using Gateway.Dsl.Model;
using Gateway.Dsl.Planning;
using Gateway.Generator.Model;

namespace Gateway.Generator;

/// <summary>Emits <c>Match</c>: host normalization, then exact hosts, wildcard hosts and host-less routes, each calling its trie.</summary>
public sealed partial class RoutesGenerator
{
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
            // Without routes there is nothing to read from the request (and unused locals would be CS0219).
            if (!TrieRoots(plan).Any())
            {
                writer.WriteLine("return global::Gateway.Routing.RouteMatch.None; // " + CommentText(fileName) + " has no routes (GW0226): the gateway answers 404.");
                return;
            }

            writer.WriteLine("var method = global::Gateway.Routing.MethodBits.Of(request.Method);");
            writer.WriteLine("var end = global::Gateway.Routing.PathCursor.EffectiveEnd(request.Path);");
            writer.WriteLine("var result = default(global::Gateway.Routing.RouteMatch); // Set by the trie node that matches.");
            // A table without host routes never reads the host, so it does not normalize one (helpers only when used).
            if (plan.ExactHosts.Count > 0 || plan.WildcardHosts.Count > 0)
            {
                writer.WriteLine();
                writer.WriteLine("// Hosts compare in lower case without port or trailing dot; an unusable host reaches only routes without one.");
                writer.WriteLine("global::System.Span<char> hostBuffer = stackalloc char[global::Gateway.Routing.HostName.MaxLength];");
                writer.WriteLine("var host = global::Gateway.Routing.HostName.Normalize(request.Host, hostBuffer);");
            }

            // Host classes in precedence order (exact, wildcard, none). Each tries its own trie and falls through on failure, so a
            // request for api.example.com still reaches a host-less route when none of that host's routes fits.
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

        // The plan sorts exact hosts ordinally, so the cases come out in the same order on every build.
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
}
