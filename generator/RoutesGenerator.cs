using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Gateway.Generator;

/// <summary>Turns each <c>*.gw</c> route file into a matcher for the class that names it with <c>[GeneratedRoutes]</c>.</summary>
/// <remarks>Stages live in partial files: reading route files (<c>.RouteFiles</c>) and marked classes (<c>.Classes</c>),
/// diagnostics (<c>.Diagnostics</c>) and emission (<c>.Emitter*</c>). Only equatable records travel between stages, so unrelated edits leave every step cached.</remarks>
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
    }
}
