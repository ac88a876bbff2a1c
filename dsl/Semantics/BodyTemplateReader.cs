using System.Collections.Generic;
using System.Text;
using Gateway.Dsl.Collections;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Semantics;

/// <summary>Reads a template with captures: the body of <c>respond STATUS "BODY"</c>, a <c>rewrite</c> path or a
/// <c>redirect</c> path. Literal text, <c>{name}</c> captures, and <c>{{</c>/<c>}}</c> for braces.</summary>
internal static class BodyTemplateReader
{
    /// <summary>Splits <paramref name="body"/> into parts; reports braces that match nothing and names that are no capture.</summary>
    /// <param name="diagnostics">Where to report.</param>
    /// <param name="body">The string token.</param>
    /// <param name="path">The route's path template, or null when it is missing or invalid (names are then not checked).</param>
    /// <param name="what">What the template is, for messages: <c>body</c>, <c>rewrite</c>.</param>
    public static EquatableArray<TemplatePart> Read(DiagnosticBag diagnostics, Token body, PathTemplate? path, string what = "body")
    {
        // Capture positions come from the path, so they match what the matchers return in RouteMatch.
        var captures = path is null ? null : PathTemplateReader.CaptureNames(path);
        var value = body.Value;
        var parts = new List<TemplatePart>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];

            // '{{' and '}}' are literal braces, as in .NET composite formats, so JSON bodies stay writable.
            var doubled = i + 1 < value.Length && value[i + 1] == c;
            if ((c == '{' || c == '}') && doubled)
            {
                literal.Append(c);
                i += 2;
            }
            else if (c == '}')
            {
                diagnostics.Error(DiagnosticCode.InvalidBody, Span(body, i, i + 1), "unmatched '}' in " + what + "; write '}}' for a literal brace");
                i++;
            }
            else if (c == '{')
            {
                // The capture runs to the next '}'; whatever is between is the name, checked below.
                var close = value.IndexOf('}', i + 1);
                if (close < 0)
                {
                    diagnostics.Error(DiagnosticCode.InvalidBody, Span(body, i, i + 1), "unclosed '{' in " + what + "; write '{{' for a literal brace");
                    break;
                }

                var name = value.Substring(i + 1, close - i - 1);
                var index = ResolveCapture(diagnostics, Span(body, i, close + 1), name, captures, path, what);
                Flush(literal, parts);
                parts.Add(new TemplatePart { Text = name, CaptureIndex = index });
                i = close + 1;
            }
            else
            {
                literal.Append(c);
                i++;
            }
        }

        // Trailing literal text after the last capture.
        Flush(literal, parts);
        return parts.ToEquatableArray();
    }

    /// <summary>The position of <paramref name="name"/> among the path's captures; reports and returns 0 when there is none.</summary>
    private static int ResolveCapture(DiagnosticBag diagnostics, TextSpan span, string name, IReadOnlyList<string>? captures, PathTemplate? path, string what)
    {
        if (name.Length == 0)
        {
            diagnostics.Error(DiagnosticCode.InvalidBody, span, "empty '{}' in " + what + "; write '{name}' for a captured value or '{{}}' for literal braces");
            return 0;
        }

        // Without a valid path the names cannot be checked; the path's own error is enough.
        if (captures is null || path is null)
        {
            return 0;
        }

        // An unnamed '**' takes a position but cannot be referred to.
        for (var index = 0; index < captures.Count; index++)
        {
            if (captures[index].Length > 0 && captures[index] == name)
            {
                return index;
            }
        }

        // Build the hint from the names that can be referred to; an unnamed '**' cannot.
        var named = new List<string>();
        foreach (var capture in captures)
        {
            if (capture.Length > 0)
            {
                named.Add(capture);
            }
        }

        var suggestion = NameSuggester.Suggest(name, named);
        var hint = suggestion is not null ? "did you mean '" + suggestion + "'?"
            : named.Count == 0 ? "path '" + path.Text + "' captures nothing; write '{{' and '}}' for literal braces"
            : "path '" + path.Text + "' captures '" + string.Join("', '", named) + "'";
        diagnostics.Error(DiagnosticCode.UnknownCapture, span, "unknown capture '" + name + "' in " + what + "; " + hint);
        return 0;
    }

    /// <summary>Moves pending literal text into <paramref name="parts"/> as one part, so that adjacent text stays one part.</summary>
    private static void Flush(StringBuilder literal, List<TemplatePart> parts)
    {
        if (literal.Length > 0)
        {
            parts.Add(new TemplatePart { Text = literal.ToString(), CaptureIndex = -1 });
            literal.Clear();
        }
    }

    /// <summary>The file span of value characters <paramref name="start"/> to <paramref name="end"/>, through the string's escapes.</summary>
    private static TextSpan Span(Token body, int start, int end) => TextSpan.FromBounds(body.SourceOffsetOf(start), body.SourceOffsetOf(end));
}
