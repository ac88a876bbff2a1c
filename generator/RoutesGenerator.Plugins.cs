using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Gateway.Dsl.Collections;
using Gateway.Dsl.Model;
using Gateway.Dsl.Semantics;
using Gateway.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Gateway.Generator;

/// <summary>Stage 7: reading <c>[GatewayPolicy]</c> classes into equatable records.</summary>
public sealed partial class RoutesGenerator
{
    /// <summary>The attribute that registers a policy written in C#.</summary>
    internal const string PluginAttributeName = "Gateway.Policies.GatewayPolicyAttribute";

    /// <summary>The interface every plugin implements.</summary>
    private const string RequestPolicyType = "Gateway.Policies.IRequestPolicy";

    /// <summary>The class whose declaration asks for the registry.</summary>
    internal const string PluginRegistryName = "Gateway.Policies.GeneratedPlugins";

    /// <summary>Reduces a marked class to a <see cref="PluginClass"/>: strings, parameters and a location record.</summary>
    private static PluginClass ReadPluginClass(GeneratorAttributeSyntaxContext target, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)target.TargetSymbol;
        var attribute = target.Attributes[0];
        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken);
        var name = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        var (parameters, constructorProblem) = ReadPluginConstructor(type);

        return new PluginClass
        {
            Name = name,
            TypeName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            DisplayName = type.ToDisplayString(),
            Parameters = parameters,
            Problem = FindPluginProblem(type, name) ?? constructorProblem,
            AttributeLocation = LocationInfo.From((attributeSyntax ?? target.TargetNode).GetLocation()),
        };
    }

    /// <summary>Why the class itself cannot be a plugin (GW0907), or null; the constructor is checked apart.</summary>
    private static string? FindPluginProblem(INamedTypeSymbol type, string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "name the plugin in the attribute, e.g. [GatewayPolicy(\"tenant-tag\")]";
        }

        if (!NameRules.IsBlockName(name!))
        {
            return "'" + name + "' is not a valid plugin name; start with a letter or '_', then use letters, digits, '_', '.' and '-'";
        }

        if (type.IsAbstract || type.IsStatic)
        {
            return "it is " + (type.IsStatic ? "static" : "abstract") + "; the gateway creates one instance per route, so make it a concrete class";
        }

        if (type.IsGenericType)
        {
            return "it has type parameters; declare it without, since a route file cannot name a type";
        }

        for (var containing = type; containing is not null; containing = containing.ContainingType)
        {
            if (containing.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal))
            {
                return "it cannot be reached from the registry; make it, and any class it is nested in, public or internal";
            }
        }

        return type.AllInterfaces.Any(i => i.ToDisplayString() == RequestPolicyType)
            ? null
            : "it does not implement " + RequestPolicyType + "; implement ValueTask<PolicyResult> ApplyAsync(RequestContext context)";
    }

    /// <summary>The parameters of the one public constructor, or why there is not exactly one with supported types.</summary>
    private static (EquatableArray<PluginParameterInfo> Parameters, string? Problem) ReadPluginConstructor(INamedTypeSymbol type)
    {
        var constructors = type.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public).ToList();
        if (constructors.Count != 1)
        {
            return (EquatableArray<PluginParameterInfo>.Empty, constructors.Count == 0
                ? "it has no public constructor; add one whose parameters are the plugin's arguments"
                : "it has " + constructors.Count + " public constructors; keep one, whose parameters are the plugin's arguments");
        }

        var parameters = new List<PluginParameterInfo>();
        foreach (var parameter in constructors[0].Parameters)
        {
            if (ReadPluginParameter(parameter) is not { } read)
            {
                return (EquatableArray<PluginParameterInfo>.Empty, "parameter '" + parameter.Name + "' has type '" + parameter.Type.ToDisplayString()
                    + "'" + (parameter.RefKind != RefKind.None || parameter.IsParams ? " and a modifier" : string.Empty)
                    + "; use string, int, long, bool, TimeSpan or an enum with members, passed by value");
            }

            parameters.Add(read);
        }

        return (parameters.ToEquatableArray(), null);
    }

    /// <summary>The parameter as a route file sees it, or null for an unsupported type or a ref/out/in/params parameter.</summary>
    private static PluginParameterInfo? ReadPluginParameter(IParameterSymbol parameter)
    {
        if (parameter.RefKind != RefKind.None || parameter.IsParams)
        {
            return null;
        }

        var type = parameter.Type;
        PluginParameterKind? kind = type.SpecialType switch
        {
            SpecialType.System_String => PluginParameterKind.String,
            SpecialType.System_Int32 => PluginParameterKind.Int32,
            SpecialType.System_Int64 => PluginParameterKind.Int64,
            SpecialType.System_Boolean => PluginParameterKind.Boolean,
            _ when type.ToDisplayString() == "System.TimeSpan" => PluginParameterKind.Duration,
            _ when type.TypeKind == TypeKind.Enum => PluginParameterKind.Enum,
            _ => null,
        };
        if (kind is null)
        {
            return null;
        }

        // Members in declaration order, as the message lists them; an enum without members could take no argument.
        var members = kind == PluginParameterKind.Enum
            ? type.GetMembers().OfType<IFieldSymbol>().Where(field => field.HasConstantValue).Select(field => field.Name).ToEquatableArray()
            : EquatableArray<string>.Empty;
        if (kind == PluginParameterKind.Enum && members.Count == 0)
        {
            return null;
        }

        return new PluginParameterInfo
        {
            Parameter = new PluginParameter
            {
                Name = parameter.Name,
                Kind = kind.Value,
                IsOptional = parameter.HasExplicitDefaultValue,
                EnumName = kind == PluginParameterKind.Enum ? type.Name : null,
                EnumMembers = members,
            },
            TypeName = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
        };
    }
}
