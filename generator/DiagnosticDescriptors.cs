using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using DiagnosticCode = Gateway.Dsl.Diagnostics.DiagnosticCode;
using DiagnosticSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;
using DslSeverity = Gateway.Dsl.Diagnostics.DiagnosticSeverity;

namespace Gateway.Generator;

/// <summary>The generator's diagnostic descriptors: one per dsl code, plus the generator's own GW09xx.</summary>
/// <remarks>All are errors except the dsl's warnings (GW0226), in category <c>Routes</c> and not configurable: a route
/// file that does not check must fail the build. Not configurable also keeps a warning a warning under
/// <c>TreatWarningsAsErrors</c> (the compiler reports such diagnostics as they are), so a file without routes builds,
/// as it loads at run time.</remarks>
internal static class DiagnosticDescriptors
{
    /// <summary>The category every route diagnostic carries.</summary>
    public const string Category = "Routes";

    private static readonly string[] NotConfigurable = [WellKnownDiagnosticTags.NotConfigurable];

    /// <summary>GW0901: <c>[GeneratedRoutes("x.gw")]</c> names a file that is not an AdditionalFile.</summary>
    public static readonly DiagnosticDescriptor RouteFileNotFound = new(
        id: "GW0901",
        title: "Route file is not an AdditionalFile",
        messageFormat: "route file '{0}' is not an AdditionalFile of this project; add <AdditionalFiles Include=\"{0}\" /> to the project file",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        customTags: NotConfigurable);

    /// <summary>GW0902: the generator failed unexpectedly; reported instead of letting the exception reach the compiler.</summary>
    public static readonly DiagnosticDescriptor GeneratorFailure = new(
        id: "GW0902",
        title: "Route generator failed",
        messageFormat: "the route generator failed on '{0}': {1}; please report this with the route file",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        customTags: NotConfigurable);

    /// <summary>GW0903: the marked class cannot take generated code (not partial, nested, generic, or a mismatched <c>Match</c>).</summary>
    public static readonly DiagnosticDescriptor InvalidRoutesClass = new(
        id: "GW0903",
        title: "Class cannot receive generated routes",
        messageFormat: "class '{0}' cannot receive generated routes: {1}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        customTags: NotConfigurable);

    /// <summary>GW0904: <c>plugin NAME</c> names no <c>[GatewayPolicy]</c> class; the message is the dsl's PluginChecker's.</summary>
    public static readonly DiagnosticDescriptor UnknownPlugin = Create(DiagnosticCode.UnknownPlugin, "Unknown plugin", DiagnosticSeverity.Error);

    /// <summary>GW0905: a <c>plugin</c> argument does not convert to its constructor parameter's type.</summary>
    public static readonly DiagnosticDescriptor InvalidPluginArgument = Create(DiagnosticCode.InvalidPluginArgument, "Plugin argument of the wrong type", DiagnosticSeverity.Error);

    /// <summary>GW0906: a <c>plugin</c> line gives too many or too few arguments.</summary>
    public static readonly DiagnosticDescriptor PluginArgumentCount = Create(DiagnosticCode.PluginArgumentCount, "Wrong number of plugin arguments", DiagnosticSeverity.Error);

    /// <summary>GW0907: a <c>[GatewayPolicy]</c> class cannot be a plugin (duplicate name, not an IRequestPolicy, no single
    /// public constructor, an unsupported parameter type); reported at the attribute.</summary>
    public static readonly DiagnosticDescriptor InvalidPluginClass = new(
        id: "GW0907",
        title: "Class cannot be a plugin",
        messageFormat: "class '{0}' cannot be a plugin: {1}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        customTags: NotConfigurable);

    /// <summary>One descriptor per code of the dsl's table, built once with the table's title and severity.</summary>
    private static readonly Dictionary<string, DiagnosticDescriptor> DslDescriptors =
        DiagnosticCode.All.ToDictionary(info => info.Code, info => Create(info.Code, info.Title, ToRoslyn(info.Severity)), StringComparer.Ordinal);

    /// <summary>The codes the dsl's PluginChecker reports, which are not in <see cref="DiagnosticCode.All"/>.</summary>
    private static readonly Dictionary<string, DiagnosticDescriptor> PluginCallErrors =
        new[] { UnknownPlugin, InvalidPluginArgument, PluginArgumentCount }.ToDictionary(descriptor => descriptor.Id, StringComparer.Ordinal);

    /// <summary>The descriptor for a dsl diagnostic code such as <c>GW0103</c>; the message is the dsl's own text.</summary>
    /// <remarks>A code missing from the table (a dsl change not yet listed), or reported with another severity than the
    /// table gives it, still gets a descriptor, titled by its code if need be, so that no diagnostic is ever dropped or
    /// changes severity on the way to the compiler.</remarks>
    public static DiagnosticDescriptor ForDslCode(string code, DslSeverity severity)
    {
        var wanted = ToRoslyn(severity);
        if ((DslDescriptors.TryGetValue(code, out var known) || PluginCallErrors.TryGetValue(code, out known)) && known.DefaultSeverity == wanted)
        {
            return known;
        }

        return Create(code, known?.Title.ToString() ?? code, wanted);
    }

    private static DiagnosticSeverity ToRoslyn(DslSeverity severity) =>
        severity == DslSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;

    // The dsl owns codes and wording; "{0}" passes its message through unchanged.
#pragma warning disable RS1017 // The id is data from the dsl's code table, not a literal in this assembly.
    private static DiagnosticDescriptor Create(string code, string title, DiagnosticSeverity severity) => new(
        id: code,
        title: title,
        messageFormat: "{0}",
        category: Category,
        defaultSeverity: severity,
        isEnabledByDefault: true,
        customTags: NotConfigurable);
#pragma warning restore RS1017
}
