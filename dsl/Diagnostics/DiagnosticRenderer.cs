using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Diagnostics;

/// <summary>Renders diagnostics for people: the compiler-style first line, then the source line with carets under the span.</summary>
/// <remarks>
/// <code>
/// routes.gw(12,6): error GW0103: upstream 'user' is not defined; did you mean 'users'?
///  12 |   to user
///     |      ^^^^
/// </code>
/// A span that runs past its first line is underlined to the end of that line; an empty span gets one caret. Tabs
/// before the span are copied into the caret line so that the carets line up in any tab width. Lines end with
/// <c>\n</c> on every platform, so the output can be compared with golden files.
/// </remarks>
public static class DiagnosticRenderer
{
    /// <summary>Renders one diagnostic against the text it points into.</summary>
    public static string Render(Diagnostic diagnostic, SourceText source)
    {
        var builder = new StringBuilder();
        Append(builder, diagnostic, source);
        return builder.ToString();
    }

    /// <summary>Renders every diagnostic in order, each followed by its source excerpt.</summary>
    public static string Render(IEnumerable<Diagnostic> diagnostics, SourceText source)
    {
        var builder = new StringBuilder();
        foreach (var diagnostic in diagnostics)
        {
            Append(builder, diagnostic, source);
        }

        return builder.ToString();
    }

    /// <summary>Renders every diagnostic in order as separate output lines, for writers that end lines themselves.</summary>
    /// <remarks>What the gateway prints when a route file loaded at startup has errors, and what infra prints before it
    /// refuses to render or apply: one call, so the two cannot drift apart.</remarks>
    public static IReadOnlyList<string> RenderLines(IEnumerable<Diagnostic> diagnostics, SourceText source)
    {
        var rendered = Render(diagnostics, source);
        return rendered.Length == 0 ? System.Array.Empty<string>() : rendered.TrimEnd('\n').Split('\n');
    }

    private static void Append(StringBuilder builder, Diagnostic diagnostic, SourceText source)
    {
        builder.Append(diagnostic.ToString()).Append('\n');
        var start = diagnostic.LineSpan.Start;
        if (start.Line >= source.LineCount)
        {
            return;
        }

        var text = source.GetLineText(start.Line);
        var number = (start.Line + 1).ToString(CultureInfo.InvariantCulture);
        var gutter = new string(' ', number.Length + 1);
        builder.Append(' ').Append(number).Append(" | ").Append(text).Append('\n');

        // Underline up to the end of the first line; at least one caret so that an empty span is still visible.
        var column = start.Column < text.Length ? start.Column : text.Length;
        var end = diagnostic.LineSpan.End.Line == start.Line && diagnostic.LineSpan.End.Column < text.Length ? diagnostic.LineSpan.End.Column : text.Length;
        var width = end > column ? end - column : 1;
        builder.Append(gutter).Append(" | ");
        for (var i = 0; i < column; i++)
        {
            builder.Append(text[i] == '\t' ? '\t' : ' ');
        }

        builder.Append('^', width).Append('\n');
    }
}
