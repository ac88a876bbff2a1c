using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;

namespace Gateway.Dsl.Semantics;

/// <summary>Placeholder until the checker lands.</summary>
public static class Checker
{
    /// <summary>Checks <paramref name="syntax"/>.</summary>
    public static RouteTable? Check(RouteFileSyntax syntax, DiagnosticBag diagnostics) => null;
}
