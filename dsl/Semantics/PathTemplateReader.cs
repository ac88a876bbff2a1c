using System.Collections.Generic;
using Gateway.Dsl.Collections;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;

namespace Gateway.Dsl.Semantics;

/// <summary>Reads the template of a <c>path</c> directive into typed segments: <c>/users/{id:int}</c>, <c>/api/**</c>.</summary>
/// <remarks>
/// Each error points at the segment or character at fault, and reading goes on to the end of the template so that
/// every problem of one path is reported at once. A trailing slash means the same as none; the root <c>/</c> has no
/// segments.
/// </remarks>
internal sealed partial class PathTemplateReader
{
    /// <summary>The most captures one path may have: <see cref="PathTemplate.MaxCaptures"/>.</summary>
    public const int MaxCaptures = PathTemplate.MaxCaptures;

    private readonly DiagnosticBag _diagnostics;
    private readonly Token _token;
    private readonly List<PathSegment> _segments = new();

    // Parameter names seen so far, for GW0110.
    private readonly HashSet<string> _names = new();
    private int _captures;
    private bool _failed;

    private PathTemplateReader(DiagnosticBag diagnostics, Token token)
    {
        _diagnostics = diagnostics;
        _token = token;
    }

    /// <summary>Checks <paramref name="token"/> and returns the template, or null after reporting every problem.</summary>
    public static PathTemplate? Read(DiagnosticBag diagnostics, Token token)
    {
        if (!TokenChecks.RequireWord(diagnostics, token, "a path template"))
        {
            return null;
        }

        return new PathTemplateReader(diagnostics, token).Run();
    }

    /// <summary>The names of the captures of <paramref name="template"/> in path order; an unnamed <c>**</c> is empty.</summary>
    public static IReadOnlyList<string> CaptureNames(PathTemplate template)
    {
        var names = new List<string>();
        foreach (var segment in template.Segments)
        {
            if (segment.Kind != SegmentKind.Literal)
            {
                names.Add(segment.Value);
            }
        }

        return names;
    }

    /// <summary>Splits the template at <c>/</c> and reads each segment; returns null when any segment failed.</summary>
    private PathTemplate? Run()
    {
        var text = _token.Text;
        if (text[0] != '/')
        {
            Fail(DiagnosticCode.InvalidPath, 0, text.Length, "path '" + text + "' must start with '/'; write '/" + text + "'");
            return null;
        }

        var start = 1;
        while (start <= text.Length)
        {
            var end = text.IndexOf('/', start);
            if (end < 0)
            {
                end = text.Length;
            }

            // Only the final segment may be empty: that is the trailing slash (or the root '/').
            var isLast = end == text.Length || (end == text.Length - 1);
            if (end == start)
            {
                if (end != text.Length)
                {
                    Fail(DiagnosticCode.InvalidPath, start - 1, 2, "path '" + text + "' has an empty segment '//'; remove one '/'");
                }
            }
            else
            {
                ReadSegment(text.Substring(start, end - start), start, isLast);
            }

            start = end + 1;
        }

        return _failed ? null : new PathTemplate { Text = text, Segments = _segments.ToEquatableArray() };
    }

    /// <summary>Reads one non-empty segment at file offset <paramref name="offset"/> within the template.</summary>
    private void ReadSegment(string segment, int offset, bool isLast)
    {
        var bad = segment.IndexOfAny(new[] { '?', '#' });
        if (bad >= 0)
        {
            var message = segment[bad] == '?'
                ? "path may not contain '?'; match query parameters with 'query NAME VALUE'"
                : "path may not contain '#'; fragments never reach the gateway, so remove it";
            Fail(DiagnosticCode.InvalidPath, offset + bad, 1, message);
            return;
        }

        if (segment == "**")
        {
            AddCatchAll(string.Empty, offset, segment.Length, isLast);
        }

        // A lone '*' is legal literal text in a URL, but here it is almost always a mistaken wildcard.
        else if (segment == "*")
        {
            Fail(DiagnosticCode.InvalidPath, offset, 1, "'*' is not a wildcard in paths; write '{name}' for one segment or '**' for the rest");
        }

        // A parameter is exactly '{…}' with no other braces; anything else with braces is reported below.
        else if (segment[0] == '{' && segment[segment.Length - 1] == '}' && segment.IndexOf('{', 1) < 0 && segment.IndexOf('}') == segment.Length - 1)
        {
            ReadParameter(segment.Substring(1, segment.Length - 2), offset, isLast);
        }
        else if (segment.IndexOf('{') >= 0 || segment.IndexOf('}') >= 0)
        {
            ReportBraces(segment, offset);
        }
        else
        {
            _segments.Add(new PathSegment { Kind = SegmentKind.Literal, Value = segment, Constraint = ParameterConstraint.None });
        }
    }

    /// <summary>Reports a problem at <paramref name="start"/> (an offset in the template) and marks the template as failed.</summary>
    private void Fail(string code, int start, int length, string message)
    {
        _diagnostics.Error(code, TokenChecks.Inside(_token, start, length), message);
        _failed = true;
    }
}
