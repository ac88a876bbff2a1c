using Microsoft.CodeAnalysis.CSharp;

namespace Gateway.Generator;

/// <summary>The <c>SourcePath</c> and <c>SourceText</c> constants, and the literal and escaping helpers every emitter part uses.</summary>
public sealed partial class RoutesGenerator
{
    /// <summary>Writes <c>SourcePath</c> and <c>SourceText</c>; the text as one literal, so the compiler folds nothing.</summary>
    /// <remarks>
    /// The text used to be one literal per line joined by <c>+</c>; the compiler folds such a constant by concatenating
    /// pairwise, which is quadratic in the file's size: a 10,000-route file (60,000 lines) took minutes to compile. Now
    /// a file whose line breaks are all <c>\n</c> (the emitter's own, so the generated file stays LF-only) is written as
    /// one verbatim literal that reads like the route file; any other text (CRLF, a lone CR, or a character C# treats as
    /// a line break) is written as one escaped literal on one line, so its exact characters survive.
    /// </remarks>
    private static void WriteSourceConstants(SourceWriter writer, string fileName, string text)
    {
        writer.WriteLine("/// <summary>The name of the route file this class was generated from.</summary>");
        writer.WriteLine(GeneratedCodeAttribute);
        writer.WriteLine("public const string SourcePath = " + Literal(fileName) + ";");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The text of <c>" + XmlEscape(fileName) + "</c> at build time: <c>RouteFile.Parse(SourceText, SourcePath)</c> reads the model this matcher was built from.</summary>");
        writer.WriteLine(GeneratedCodeAttribute);
        if (text.Length == 0 || text.IndexOfAny(OtherLineBreaks) >= 0)
        {
            writer.WriteLine("public const string SourceText = " + Literal(text) + ";");
            return;
        }

        writer.WriteIndented("public const string SourceText = @\"");
        writer.WriteRaw(text.Replace("\"", "\"\""));
        writer.WriteRaw("\";\n");
    }

    /// <summary>Line breaks other than <c>\n</c> in C# source: CR, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.</summary>
    private static readonly char[] OtherLineBreaks = ['\r', '\u0085', '\u2028', '\u2029'];

    /// <summary>A C# string literal for <paramref name="value"/>, with every special character escaped.</summary>
    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>Escapes text for an XML doc comment.</summary>
    private static string XmlEscape(string value) => value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
