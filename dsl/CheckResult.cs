using Gateway.Dsl.Collections;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Planning;

namespace Gateway.Dsl;

/// <summary>The outcome of reading a route file: the model and plan when it is clean, and every diagnostic.</summary>
/// <remarks>Equatable, so the source generator can cache it.</remarks>
public sealed record CheckResult
{
    /// <summary>The checked table, or null when the file has errors.</summary>
    public required RouteTable? Table { get; init; }

    /// <summary>The match plan, or null when the file has errors.</summary>
    public required MatchPlan? Plan { get; init; }

    /// <summary>Every diagnostic, sorted by position.</summary>
    public required EquatableArray<Diagnostic> Diagnostics { get; init; }

    /// <summary>Every <c>plugin</c> line that checked, also when the file has errors: the build and the gateway check them
    /// against the C# policies in the same round as the file's other errors.</summary>
    public EquatableArray<PluginCall> PluginCalls { get; init; } = EquatableArray<PluginCall>.Empty;

    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Table is null;
}
