using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;

namespace Gateway.Dsl.Planning;

/// <summary>Placeholder.</summary>
public static class MatchPlanBuilder
{
    /// <summary>Builds the plan.</summary>
    public static MatchPlan? Build(RouteTable table, DiagnosticBag diagnostics) => null;
}
