using Gateway.Dsl.Collections;
using DslDiagnostic = Gateway.Dsl.Diagnostics.Diagnostic;

namespace Gateway.Generator.Model;

/// <summary>The <c>plugin</c> lines of one route file checked against the catalog: GW0904-GW0906, located in the file.</summary>
internal sealed record PluginCallReport
{
    /// <summary>The route file's full path, where the diagnostics point.</summary>
    public required string Path { get; init; }

    /// <summary>The problems found, sorted by position; empty when every call fits.</summary>
    public required EquatableArray<DslDiagnostic> Diagnostics { get; init; }
}
