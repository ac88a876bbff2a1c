using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Syntax;

/// <summary>Placeholder until the parser lands.</summary>
public static class Parser
{
    /// <summary>Parses <paramref name="source"/>.</summary>
    public static RouteFileSyntax Parse(SourceText source, DiagnosticBag diagnostics) => new();
}

/// <summary>Placeholder.</summary>
public sealed class RouteFileSyntax
{
}
