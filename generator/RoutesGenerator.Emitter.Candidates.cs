using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Gateway.Dsl.Model;
using Gateway.Dsl.Planning;

namespace Gateway.Generator;

/// <summary>Emits the checks of each <see cref="Candidate"/>: constraints, method, headers, query, then the match.</summary>
public sealed partial class RoutesGenerator
{
    /// <summary>Writes <paramref name="candidates"/> in order; returns true when the last one needs no check, so the
    /// method has already returned and nothing may follow (the compiler would flag it unreachable).</summary>
    private static bool WriteCandidates(SourceWriter writer, PathNode node, IReadOnlyList<Candidate> candidates, RouteTable table)
    {
        for (var index = 0; index < candidates.Count; index++)
        {
            var candidate = candidates[index];
            var route = candidate.RouteIndex >= 0 && candidate.RouteIndex < table.Routes.Count ? table.Routes[candidate.RouteIndex] : null;
            writer.WriteLine("// " + CommentText(DescribeCandidate(candidate, route)));
            var conditions = Conditions(node, candidate);
            if (conditions.Count == 0)
            {
                // Candidates after an unconditional one can never be tried; the checker reports such routes as ambiguous.
                WriteMatchAndReturn(writer, node, candidate);
                return true;
            }

            // One condition per line, joined by &&, in check order: a reviewer reads them as the route file states them.
            writer.WriteLine("if (" + conditions[0] + (conditions.Count == 1 ? ")" : string.Empty));
            for (var i = 1; i < conditions.Count; i++)
            {
                writer.WriteLine("    && " + conditions[i] + (i == conditions.Count - 1 ? ")" : string.Empty));
            }

            using (writer.Block())
            {
                WriteMatchAndReturn(writer, node, candidate);
            }

            if (index < candidates.Count - 1)
            {
                writer.WriteLine();
            }
        }

        return false;
    }

    /// <summary>The checks in the order both matchers make them: constraints, exactness, method, headers, query.</summary>
    private static List<string> Conditions(PathNode node, Candidate candidate)
    {
        var conditions = candidate.Constraints.Select(check => ConstraintCondition(node, check)).ToList();
        if (candidate.Exact)
        {
            conditions.Add("!global::Gateway.Routing.PathCursor.HasTrailingSlash(request.Path)");
        }

        if (candidate.Methods != MethodSet.None)
        {
            // MethodBits.Allows is true for a route without methods, so the check is only written when it can fail.
            conditions.Add("global::Gateway.Routing.MethodBits.Allows(" + MethodSetExpression(candidate.Methods) + ", method)");
        }

        foreach (var header in candidate.Headers)
        {
            conditions.Add(header.Value is null
                ? "global::Gateway.Routing.RequestConditions.HasHeader(request.Headers, " + Literal(header.Name) + ")"
                : "global::Gateway.Routing.RequestConditions.HeaderEquals(request.Headers, " + Literal(header.Name) + ", " + Literal(header.Value) + ")");
        }

        foreach (var query in candidate.Queries)
        {
            conditions.Add(query.Value is null
                ? "global::Gateway.Routing.RequestConditions.HasQuery(request.Query, " + Literal(query.Name) + ")"
                : "global::Gateway.Routing.RequestConditions.QueryEquals(request.Query, " + Literal(query.Name) + ", " + Literal(query.Value) + ")");
        }

        return conditions;
    }

    /// <summary>The call that checks one constraint, using the specific check so the code says what it tests.</summary>
    private static string ConstraintCondition(PathNode node, ConstraintCheck check)
    {
        var segment = SegmentExpression(node, check.SegmentIndex, current: false);
        return check.Constraint switch
        {
            ParameterConstraint.Int => "global::Gateway.Routing.SegmentConstraints.IsInt(" + segment + ")",
            ParameterConstraint.Long => "global::Gateway.Routing.SegmentConstraints.IsLong(" + segment + ")",
            ParameterConstraint.Guid => "global::Gateway.Routing.SegmentConstraints.IsGuid(" + segment + ")",
            ParameterConstraint.Alpha => "global::Gateway.Routing.SegmentConstraints.IsAlpha(" + segment + ")",
            _ => "global::Gateway.Routing.SegmentConstraints.Satisfies(global::Gateway.Dsl.Model.ParameterConstraint." + check.Constraint + ", " + segment + ")",
        };
    }

    /// <summary><c>MethodSet.Get | MethodSet.Head</c>, in bit order.</summary>
    private static string MethodSetExpression(MethodSet methods)
    {
        return string.Join(" | ", MethodSetBits.Each(methods).Select(method => "global::Gateway.Dsl.Model.MethodSet." + method));
    }

    /// <summary>Builds the match: the captured segments arrive as <c>segmentN</c> parameters (see
    /// <see cref="FindSegmentParameters"/>), so the match records where they lie without scanning the path again, and a
    /// catch-all takes the rest of the path from <c>pos</c>, where the node's next segment starts.</summary>
    private static void WriteMatchAndReturn(SourceWriter writer, PathNode node, Candidate candidate)
    {
        writer.WriteLine("result = global::Gateway.Routing.RouteMatch.Create(" + candidate.RouteIndex.ToString(CultureInfo.InvariantCulture) + ");");
        foreach (var index in candidate.CaptureSegments)
        {
            writer.WriteLine("result.Capture(request.Path, " + SegmentExpression(node, index, current: false) + ");");
        }

        if (candidate.EndsWithCatchAll)
        {
            writer.WriteLine("result.CaptureRest(request.Path, pos);");
        }

        writer.WriteLine("return true;");
    }
}
