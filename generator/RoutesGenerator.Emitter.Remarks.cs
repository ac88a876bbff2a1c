using System.Collections.Generic;
using System.Linq;
using Gateway.Dsl.Model;
using Gateway.Dsl.Planning;

namespace Gateway.Generator;

/// <summary>The <c>&lt;remarks&gt;</c> table of all routes on the generated class, in the order the matcher tries them.</summary>
public sealed partial class RoutesGenerator
{
    /// <summary>Writes the table: index (what <c>Match</c> returns), name, methods, hosts, path, conditions, action, line.</summary>
    private static void WriteRouteTableRemarks(SourceWriter writer, string fileName, RouteTable table, MatchPlan plan)
    {
        // A table with only its header row would say nothing; say why there are no rows instead.
        if (table.Routes.Count == 0)
        {
            writer.WriteLine("/// <remarks>");
            writer.WriteLine("/// <para><c>" + XmlEscape(fileName) + "</c> has no routes (warning GW0226), so <c>Match</c> returns <c>RouteMatch.None</c>");
            writer.WriteLine("/// for every request and the gateway answers 404. Add a <c>route NAME { … }</c> block to the file.</para>");
            writer.WriteLine("/// </remarks>");
            return;
        }

        var hasConditions = table.Routes.Any(route => route.Headers.Count > 0 || route.Queries.Count > 0);
        var rows = new List<string[]> { RemarksHeader(hasConditions) };
        rows.AddRange(RoutesInTryOrder(table, plan).Select(route => RemarksRow(route, hasConditions)));
        // Column widths come from the data, so the table stays aligned whatever the route names.
        var widths = Enumerable.Range(0, rows[0].Length).Select(column => rows.Max(row => row[column].Length)).ToArray();

        writer.WriteLine("/// <remarks>");
        writer.WriteLine("/// <para>Routes of <c>" + XmlEscape(fileName) + "</c> in the order <c>Match</c> tries them (most specific first); the first");
        writer.WriteLine("/// whose conditions all hold wins. <c>#</c> is the route index that <c>RouteMatch.RouteIndex</c> reports.</para>");
        writer.WriteLine("/// <code>");
        foreach (var row in rows)
        {
            // Pad every column but the last, so the table lines up in the source and has no trailing spaces.
            var cells = row.Select((cell, column) => column == row.Length - 1 ? cell : cell.PadRight(widths[column]));
            writer.WriteLine("/// " + XmlEscape(string.Join("  ", cells)));
        }

        writer.WriteLine("/// </code>");
        writer.WriteLine("/// </remarks>");
    }

    private static string[] RemarksHeader(bool hasConditions) => hasConditions
        ? ["#", "route", "methods", "hosts", "path", "conditions", "action", "line"]
        : ["#", "route", "methods", "hosts", "path", "action", "line"];

    private static string[] RemarksRow(Route route, bool hasConditions)
    {
        var conditions = DescribeConditions(route.Headers, route.Queries);
        var cells = new List<string> { route.Index.ToString(), route.Name, DescribeMethods(route.Methods), DescribeHosts(route), route.Path.Text + (route.Path.Exact ? " exact" : string.Empty) };
        if (hasConditions)
        {
            cells.Add(conditions.Length == 0 ? "-" : conditions);
        }

        cells.Add(DescribeAction(route));
        cells.Add(route.Line.ToString());
        return cells.ToArray();
    }

    /// <summary>Routes in the order a walk of the plan meets them; a route the plan never reaches (a planner bug) comes last.</summary>
    private static IEnumerable<Route> RoutesInTryOrder(RouteTable table, MatchPlan plan)
    {
        var order = TrieRoots(plan)
            .SelectMany(trie => CandidatesInTryOrder(trie.Root))
            .Select(candidate => candidate.RouteIndex)
            .Concat(table.Routes.Select(route => route.Index))
            .Distinct();
        return order.Where(index => index >= 0 && index < table.Routes.Count).Select(index => table.Routes[index]);
    }
}
