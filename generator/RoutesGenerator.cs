using Gateway.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Gateway.Generator;

/// <summary>Turns each <c>*.gw</c> route file into a matcher for the class that names it with <c>[GeneratedRoutes]</c>, and
/// registers the policies written in C# (<c>[GatewayPolicy]</c>) that route files reference with <c>plugin</c>.</summary>
/// <remarks>Stages live in partial files: reading route files (<c>.RouteFiles</c>), marked classes (<c>.Classes</c>) and
/// plugin classes (<c>.Plugins</c>, <c>.PluginCatalog</c>), diagnostics (<c>.Diagnostics</c>) and emission (<c>.Emitter*</c>). Only equatable records travel between stages, so unrelated edits leave every step cached.</remarks>
[Generator(LanguageNames.CSharp)]
public sealed partial class RoutesGenerator : IIncrementalGenerator
{
    /// <summary>The attribute that asks for a generated matcher.</summary>
    internal const string AttributeName = "Gateway.Routing.GeneratedRoutesAttribute";

    /// <summary>Wires the pipeline; each stage's comment says why it is separate.</summary>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // 1. Read every *.gw AdditionalFile into strings at once, so no AdditionalText or SourceText lives in the cache.
        var routeFileTexts = context.AdditionalTextsProvider
            .Where(static file => IsRouteFile(file.Path))
            .Select(static (file, cancellationToken) => ReadRouteFile(file, cancellationToken))
            .WithTrackingName(StepNames.RouteFileTexts);

        // 2. Lex, parse, check and plan each file. The dsl never throws at users, but a bug in it must not crash the
        //    compiler (CS8785), so a failure becomes a value here and GW0902 later. Runs only when the file's text changes.
        var parsedRouteFiles = routeFileTexts
            .Select(static (file, cancellationToken) => ParseRouteFile(file, cancellationToken))
            .WithTrackingName(StepNames.ParsedRouteFiles);

        // 3. Report each file's diagnostics as compiler errors located in the .gw file. A separate output from emission,
        //    so that a file's errors show even when no class names it, and emitted code never depends on them.
        context.RegisterSourceOutput(parsedRouteFiles, static (output, file) => ReportRouteFileDiagnostics(output, file));

        // 4. Find the classes marked [GeneratedRoutes("x.gw")], keeping names and flags only: no symbols, no syntax.
        var routesClasses = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeName,
                predicate: static (node, _) => node is ClassDeclarationSyntax,
                transform: static (target, cancellationToken) => ReadRoutesClass(target, cancellationToken))
            .WithTrackingName(StepNames.RoutesClasses);

        // 5. Pair each class with the file it names. The pair is rebuilt when any route file changes, but it is
        //    equatable, so emission reruns only for the classes whose own file changed.
        var routesTargets = routesClasses
            .Combine(parsedRouteFiles.Collect())
            .Select(static (pair, _) => PairWithRouteFile(pair.Left, pair.Right))
            .WithTrackingName(StepNames.RoutesTargets);

        // 6. Emit <ClassName>.g.cs: the matcher and the route file's text, or a stub when the file has errors.
        context.RegisterSourceOutput(routesTargets, static (output, target) => EmitRoutesClass(output, target));

        // 7. Find the classes marked [GatewayPolicy("name")], keeping the name, the type's name and the constructor's
        //    parameters as dsl values: no symbols, so an edit elsewhere leaves them cached.
        var pluginClasses = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                PluginAttributeName,
                predicate: static (node, _) => node is TypeDeclarationSyntax,
                transform: static (target, cancellationToken) => ReadPluginClass(target, cancellationToken))
            .WithTrackingName(StepNames.PluginClasses);

        // 8. One catalog for the compilation: a name is unique only among all plugins, and every route file is checked
        //    against all of them. Ordered by name, so the registry's text does not depend on the order files are read.
        var pluginCatalog = pluginClasses
            .Collect()
            .Select(static (classes, _) => BuildPluginCatalog(classes))
            .WithTrackingName(StepNames.PluginCatalog);

        // 9. Report each class that cannot be a plugin (GW0907) at its attribute, once, not once per route file.
        context.RegisterSourceOutput(pluginCatalog, static (output, catalog) => ReportPluginClassDiagnostics(output, catalog));

        // 10. Check each route file's plugin lines against the catalog (GW0904-GW0906) with the dsl's PluginChecker, the
        //     check the gateway runs on files it loads, and report them located in the .gw file. Apart from stage 2, so a
        //     plugin edit rechecks the files without parsing them again.
        var pluginCallReports = parsedRouteFiles
            .Combine(pluginCatalog)
            .Select(static (pair, cancellationToken) => CheckPluginCalls(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(StepNames.PluginCallReports);
        context.RegisterSourceOutput(pluginCallReports, static (output, report) => ReportPluginCallDiagnostics(output, report));

        // 11. Find the registry's declaration: only a compilation that declares Gateway.Policies.GeneratedPlugins (the
        //     gateway) gets one, so projects that merely reference the gateway do not. The lookup reruns on every edit,
        //     but its result is a small record, so nothing after it does.
        var pluginRegistry = context.CompilationProvider
            .Select(static (compilation, _) => ReadPluginRegistryClass(compilation))
            .WithTrackingName(StepNames.PluginRegistryClass)
            .Combine(pluginCatalog)
            .Select(static (pair, _) => pair.Left is null ? (PluginRegistryTarget?)null : new PluginRegistryTarget { Class = pair.Left, Catalog = pair.Right })
            .WithTrackingName(StepNames.PluginRegistryTarget);

        // 12. Emit Gateway.Policies.GeneratedPlugins.g.cs: the signatures and a Create that calls each constructor directly.
        context.RegisterSourceOutput(pluginRegistry, static (output, target) => EmitPluginRegistry(output, target));
    }
}
