using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;

namespace Gateway.Generator;

/// <summary>The <c>SourcePath</c> and <c>SourceText</c> constants, and the literal and escaping helpers every emitter part uses.</summary>
public sealed partial class RoutesGenerator
{
    /// <summary>Writes <c>SourcePath</c> and <c>SourceText</c>, one escaped literal per line so line endings survive any checkout.</summary>
    private static void WriteSourceConstants(SourceWriter writer, string fileName, string text)
    {
        writer.WriteLine("/// <summary>The name of the route file this class was generated from.</summary>");
        writer.WriteLine(GeneratedCodeAttribute);
        writer.WriteLine("public const string SourcePath = " + Literal(fileName) + ";");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The text of <c>" + XmlEscape(fileName) + "</c> at build time: <c>RouteFile.Parse(SourceText, SourcePath)</c> reads the model this matcher was built from.</summary>");
        writer.WriteLine(GeneratedCodeAttribute);
        var lines = SplitKeepingLineBreaks(text);
        if (lines.Length == 0)
        {
            writer.WriteLine("public const string SourceText = \"\";");
            return;
        }

        writer.WriteLine("public const string SourceText =");
        using (writer.Indented())
        {
            for (var i = 0; i < lines.Length; i++)
            {
                writer.WriteLine(Literal(lines[i]) + (i == lines.Length - 1 ? ";" : " +"));
            }
        }
    }

    /// <summary>Splits text into lines that keep their <c>\r\n</c>, <c>\n</c> or <c>\r</c>.</summary>
    private static string[] SplitKeepingLineBreaks(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            if (text[i] == '\n' || text[i] == '\r')
            {
                lines.Add(text.Substring(start, i + 1 - start));
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text.Substring(start));
        }

        return lines.ToArray();
    }

    /// <summary>A C# string literal for <paramref name="value"/>, with every special character escaped.</summary>
    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>Escapes text for an XML doc comment.</summary>
    private static string XmlEscape(string value) => value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    // A blank line; named so that the emitters read as a sequence of writes.
    private static void WriteLine(SourceWriter writer) => writer.WriteLine();
}
