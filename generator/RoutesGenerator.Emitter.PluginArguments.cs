using System.Collections.Generic;
using System.Linq;
using Gateway.Dsl.Model;
using Gateway.Generator.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace Gateway.Generator;

/// <summary>Stage 12, continued: how the registry turns each argument into its parameter's type, and the small helpers
/// the registry is written with.</summary>
public sealed partial class RoutesGenerator
{
    /// <summary>The readers of the kinds other than string and enum: the emitted method's name, its C# type, and the
    /// <c>PluginArguments</c> method it forwards to.</summary>
    private static readonly (PluginParameterKind Kind, string Name, string Type, string Read)[] ValueReaders =
    [
        (PluginParameterKind.Int32, "IntArgument", "int", "ReadInt32"),
        (PluginParameterKind.Int64, "LongArgument", "long", "ReadInt64"),
        (PluginParameterKind.Boolean, "BoolArgument", "bool", "ReadBoolean"),
        (PluginParameterKind.Duration, "DurationArgument", "global::System.TimeSpan", "ReadDuration"),
    ];

    /// <summary>The named argument that passes argument <paramref name="index"/> as the parameter's type.</summary>
    private static string Conversion(PluginParameterInfo parameter, int index, IReadOnlyDictionary<string, string> enumReaders)
    {
        var argument = "arguments[" + index + "]";
        var kind = parameter.Parameter.Kind;
        var value = kind switch
        {
            PluginParameterKind.String => argument,
            PluginParameterKind.Enum => enumReaders[parameter.TypeName] + "(" + argument + ")",
            _ => ValueReaders.First(reader => reader.Kind == kind).Name + "(" + argument + ")",
        };
        return Identifier(parameter.Parameter.Name) + ": " + value;
    }

    /// <summary>A method name per enum type, <c>LimitModeArgument</c>, numbered when it would repeat another reader's.</summary>
    private static Dictionary<string, string> EnumReaderNames(IReadOnlyList<PluginClass> plugins)
    {
        var names = new Dictionary<string, string>(System.StringComparer.Ordinal);
        var taken = new HashSet<string>(ValueReaders.Select(reader => reader.Name), System.StringComparer.Ordinal);
        foreach (var parameter in EnumParameters(plugins))
        {
            if (!names.ContainsKey(parameter.TypeName))
            {
                var name = parameter.Parameter.EnumName + "Argument";
                for (var n = 2; taken.Contains(name); n++)
                {
                    name = parameter.Parameter.EnumName + "Argument" + n;
                }

                taken.Add(name);
                names[parameter.TypeName] = name;
            }
        }

        return names;
    }

    /// <summary>One forwarding reader per kind the plugins use, so each constructor call fits a line.</summary>
    private static void WriteValueReaders(SourceWriter writer, IReadOnlyList<PluginClass> plugins)
    {
        var used = plugins.SelectMany(plugin => plugin.Parameters).Select(parameter => parameter.Parameter.Kind).ToList();
        foreach (var reader in ValueReaders.Where(reader => used.Contains(reader.Kind)))
        {
            writer.WriteLine();
            writer.WriteLine("/// <summary>An argument the check accepted as <c>" + reader.Type.Replace("global::System.", string.Empty) + "</c>, read by the check's rule.</summary>");
            writer.WriteLine("private static " + reader.Type + " " + reader.Name + "(string text) => " + PluginArgumentsType + "." + reader.Read + "(text);");
        }
    }

    private static IEnumerable<PluginParameterInfo> EnumParameters(IReadOnlyList<PluginClass> plugins) =>
        plugins.SelectMany(plugin => plugin.Parameters).Where(parameter => parameter.Parameter.Kind == PluginParameterKind.Enum);

    /// <summary>A switch over an enum's member names: the case-sensitive reading the check used, without reflection.</summary>
    private static void WriteEnumReader(SourceWriter writer, string typeName, string reader, IReadOnlyList<PluginClass> plugins)
    {
        var parameter = plugins.SelectMany(plugin => plugin.Parameters).First(p => p.TypeName == typeName).Parameter;
        writer.WriteLine("/// <summary>An argument the check accepted as <c>" + XmlEscape(parameter.EnumName!) + "</c>: a member name, case-sensitive, read without reflection.</summary>");
        writer.WriteLine("private static " + typeName + " " + reader + "(string text) => text switch");
        writer.WriteLine("{");
        using (writer.Indented())
        {
            foreach (var member in parameter.EnumMembers)
            {
                writer.WriteLine(Literal(member) + " => " + typeName + "." + Identifier(member) + ",");
            }

            writer.WriteLine("_ => throw " + PluginArgumentsType + ".NotChecked(text, " + Literal("a " + parameter.EnumName) + "),");
        }

        writer.WriteLine("};");
    }

    /// <summary>The small factories the signature table is written with, so that each parameter fits one line.</summary>
    private static void WriteSignatureHelpers(SourceWriter writer, bool hasEnums)
    {
        writer.WriteLine("/// <summary>A plugin's signature: its name and its constructor's parameters, in order.</summary>");
        writer.WriteLine("private static " + DslModel + "PluginSignature Signature(string name, params " + DslModel + "PluginParameter[] parameters) =>");
        writer.WriteLine("    new() { Name = name, Parameters = global::Gateway.Dsl.Collections.EquatableArray.ToEquatableArray(parameters) };");
        writer.WriteLine();
        writer.WriteLine("/// <summary>A parameter of a type other than an enum; optional when it has a default value.</summary>");
        writer.WriteLine("private static " + DslModel + "PluginParameter Parameter(string name, " + DslModel + "PluginParameterKind kind, bool optional) =>");
        writer.WriteLine("    new() { Name = name, Kind = kind, IsOptional = optional };");
        if (!hasEnums)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>An enum parameter, with the member names an argument may be.</summary>");
        writer.WriteLine("private static " + DslModel + "PluginParameter EnumParameter(string name, bool optional, string enumName, params string[] members) =>");
        writer.WriteLine("    new()");
        writer.WriteLine("    {");
        writer.WriteLine("        Name = name,");
        writer.WriteLine("        Kind = " + DslModel + "PluginParameterKind.Enum,");
        writer.WriteLine("        IsOptional = optional,");
        writer.WriteLine("        EnumName = enumName,");
        writer.WriteLine("        EnumMembers = global::Gateway.Dsl.Collections.EquatableArray.ToEquatableArray(members),");
        writer.WriteLine("    };");
    }

    /// <summary>A member name as C# writes it: <c>@class</c> for a keyword.</summary>
    private static string Identifier(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
