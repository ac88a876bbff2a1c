using Gateway.Generator.Model;
using Microsoft.CodeAnalysis;
using DslDiagnostic = Gateway.Dsl.Diagnostics.Diagnostic;
using LinePosition = Microsoft.CodeAnalysis.Text.LinePosition;
using LinePositionSpan = Microsoft.CodeAnalysis.Text.LinePositionSpan;
using TextSpan = Microsoft.CodeAnalysis.Text.TextSpan;

namespace Gateway.Generator;

/// <summary>Stages 3, 9 and 10: route-file and plugin diagnostics as compiler diagnostics, located in the <c>.gw</c> file
/// or at the C# attribute.</summary>
public sealed partial class RoutesGenerator
{
    /// <summary>Reports every dsl diagnostic of <paramref name="file"/>, or GW0902 when the dsl failed on it.</summary>
    private static void ReportRouteFileDiagnostics(SourceProductionContext output, ParsedRouteFile file)
    {
        if (file.Failure is not null)
        {
            var location = Location.Create(file.Path, default, default);
            output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, location, file.FileName, file.Failure));
            return;
        }

        foreach (var diagnostic in file.Result!.Diagnostics)
        {
            output.ReportDiagnostic(ToRoslyn(diagnostic, file.Path));
        }
    }

    /// <summary>Converts one dsl diagnostic; the location uses the full path so the build prints <c>/abs/routes.gw(12,9)</c>.</summary>
    internal static Diagnostic ToRoslyn(DslDiagnostic diagnostic, string path)
    {
        // Both sides count lines and columns from 0 and end spans exclusively, so the numbers carry over unchanged.
        var span = new TextSpan(diagnostic.Span.Start, diagnostic.Span.Length);
        var lineSpan = new LinePositionSpan(
            new LinePosition(diagnostic.LineSpan.Start.Line, diagnostic.LineSpan.Start.Column),
            new LinePosition(diagnostic.LineSpan.End.Line, diagnostic.LineSpan.End.Column));
        var descriptor = DiagnosticDescriptors.ForDslCode(diagnostic.Code, diagnostic.Severity);
        return Diagnostic.Create(descriptor, Location.Create(path, span, lineSpan), diagnostic.Message);
    }

    /// <summary>Stage 9: reports GW0907 at the attribute of each <c>[GatewayPolicy]</c> class that cannot be a plugin.</summary>
    private static void ReportPluginClassDiagnostics(SourceProductionContext output, PluginCatalog catalog)
    {
        foreach (var plugin in catalog.Classes)
        {
            if (plugin.Problem is not null)
            {
                output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidPluginClass, plugin.AttributeLocation.ToLocation(), plugin.DisplayName, plugin.Problem));
            }
        }
    }

    /// <summary>Stage 10: reports a route file's GW0904-GW0906, located in the <c>.gw</c> file like the dsl's own.</summary>
    private static void ReportPluginCallDiagnostics(SourceProductionContext output, PluginCallReport report)
    {
        foreach (var diagnostic in report.Diagnostics)
        {
            output.ReportDiagnostic(ToRoslyn(diagnostic, report.Path));
        }
    }

    /// <summary>Reports a class-level problem at the class's <c>[GeneratedRoutes]</c> attribute.</summary>
    private static void ReportAtAttribute(SourceProductionContext output, RoutesClass routesClass, DiagnosticDescriptor descriptor, params object?[] arguments) =>
        output.ReportDiagnostic(Diagnostic.Create(descriptor, routesClass.AttributeLocation.ToLocation(), arguments));
}
