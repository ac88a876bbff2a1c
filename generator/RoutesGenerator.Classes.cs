using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Gateway.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Gateway.Generator;

/// <summary>Stages 4 and 5: reading <c>[GeneratedRoutes]</c> classes and pairing each with its route file.</summary>
public sealed partial class RoutesGenerator
{
    private const string RouteMatchType = "Gateway.Routing.RouteMatch";
    private const string RouteRequestType = "Gateway.Routing.RouteRequest";

    /// <summary>Reduces a marked class to a <see cref="RoutesClass"/>: strings, flags and a location record.</summary>
    private static RoutesClass ReadRoutesClass(GeneratorAttributeSyntaxContext target, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)target.TargetSymbol;
        var attribute = target.Attributes[0];
        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken);
        var fileName = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        var (match, matchAccessibility) = ReadMatchDeclaration(type);

        return new RoutesClass
        {
            Namespace = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
            Name = type.Name,
            // Top-level classes are public or internal; the generated part repeats it so both parts agree.
            Accessibility = type.DeclaredAccessibility == Accessibility.Public ? "public" : "internal",
            IsStatic = type.IsStatic,
            FileName = fileName,
            Match = match,
            MatchAccessibility = matchAccessibility,
            ShapeProblem = FindShapeProblem(type, (ClassDeclarationSyntax)target.TargetNode, fileName, match),
            AttributeLocation = LocationInfo.From((attributeSyntax ?? target.TargetNode).GetLocation()),
        };
    }

    /// <summary>Whether and how the class declares <c>Match</c>, and the accessibility the implementation must repeat.</summary>
    private static (MatchDeclaration Match, string Accessibility) ReadMatchDeclaration(INamedTypeSymbol type)
    {
        var members = type.GetMembers("Match");
        if (members.IsEmpty)
        {
            return (MatchDeclaration.None, "public");
        }

        var method = members.Length == 1 ? members[0] as IMethodSymbol : null;
        // Compared by display name: the record keeps no symbols, and these two types are the gateway's fixed contract.
        var fits = method is { IsStatic: true, IsPartialDefinition: true, PartialImplementationPart: null, Parameters.Length: 1 }
            && method.Parameters[0].RefKind == RefKind.In
            && method.Parameters[0].Type.ToDisplayString() == RouteRequestType
            && method.ReturnType.ToDisplayString() == RouteMatchType;
        return fits ? (MatchDeclaration.Partial, SyntaxFacts.GetText(method!.DeclaredAccessibility)) : (MatchDeclaration.Mismatched, "public");
    }

    /// <summary>Why generated code cannot be added to the class (GW0903), or null.</summary>
    private static string? FindShapeProblem(INamedTypeSymbol type, ClassDeclarationSyntax syntax, string? fileName, MatchDeclaration match)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return "name the route file in the attribute, e.g. [GeneratedRoutes(\"routes.gw\")]";
        }

        if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return "declare it 'partial' so the generated half can join it";
        }

        if (type.ContainingType is not null || type.IsGenericType)
        {
            return "declare it directly in a namespace and without type parameters";
        }

        return match == MatchDeclaration.Mismatched
            ? "its 'Match' must be declared exactly as 'public static partial RouteMatch Match(in RouteRequest request);'"
            : null;
    }

    /// <summary>Finds the route file a class names: by file name, or by path suffix when the name has folders.</summary>
    private static RoutesTarget PairWithRouteFile(RoutesClass routesClass, ImmutableArray<ParsedRouteFile> files)
    {
        ParsedRouteFile? found = null;
        if (routesClass.FileName is { } wanted)
        {
            var suffix = "/" + wanted.Replace('\\', '/').TrimStart('/');

            // Ordinal path order makes the choice deterministic if two folders hold files of the same name.
            found = files
                .Where(file => ("/" + file.Path.Replace('\\', '/')).EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                .OrderBy(file => file.Path, StringComparer.Ordinal)
                .FirstOrDefault();
        }

        return new RoutesTarget { Class = routesClass, File = found };
    }
}
