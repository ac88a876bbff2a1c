using System.Collections.Generic;
using System.Linq;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;

namespace Gateway.Dsl.Semantics;

/// <summary>Parameters, catch-alls and their names and constraints.</summary>
internal sealed partial class PathTemplateReader
{
    private static readonly Dictionary<string, ParameterConstraint> Constraints = new()
    {
        ["int"] = ParameterConstraint.Int,
        ["long"] = ParameterConstraint.Long,
        ["guid"] = ParameterConstraint.Guid,
        ["alpha"] = ParameterConstraint.Alpha,
    };

    // The constraints in the order messages list them (insertion order; the invalid-case corpus pins the text).
    private static readonly string[] ConstraintNames = Constraints.Keys.ToArray();

    /// <summary>Reads <c>{name}</c>, <c>{name:constraint}</c> or <c>{**name}</c>; <paramref name="inner"/> is between the braces.</summary>
    private void ReadParameter(string inner, int offset, bool isLast)
    {
        // Spans cover the whole '{…}' segment, braces included.
        var whole = inner.Length + 2;

        // '{**name}' is the named form of '**'; its name follows the same rule as a parameter's.
        if (inner.StartsWith("**", System.StringComparison.Ordinal))
        {
            var catchAllName = inner.Substring(2);
            if (!NameRules.IsParameterName(catchAllName))
            {
                Fail(DiagnosticCode.InvalidPath, offset, whole, "'{" + inner + "}' is not a catch-all; write '**' or '{**name}' with a name of letters, digits and '_'");
                return;
            }

            AddCatchAll(catchAllName, offset, whole, isLast);
            return;
        }

        // Only the first ':' separates name and constraint; anything after it is the constraint's text.
        var colon = inner.IndexOf(':');
        var name = colon < 0 ? inner : inner.Substring(0, colon);
        if (!NameRules.IsParameterName(name))
        {
            Fail(DiagnosticCode.InvalidPath, offset, whole, "'{" + inner + "}' has no valid parameter name; write '{name}' with a letter or '_' first, then letters, digits and '_'");
            return;
        }

        var constraint = ParameterConstraint.None;
        if (colon >= 0)
        {
            // Point at the constraint itself, or at the closing brace when it is empty ('{id:}').
            var written = inner.Substring(colon + 1);
            if (!Constraints.TryGetValue(written, out constraint))
            {
                var hint = NameSuggester.DidYouMeanOrList(written, ConstraintNames);
                _diagnostics.Error(DiagnosticCode.UnknownConstraint, TokenChecks.Inside(_token, offset + 2 + colon, written.Length == 0 ? 1 : written.Length), "unknown constraint '" + written + "'" + hint);
                _failed = true;
                return;
            }
        }

        // Record the parameter only when its capture is accepted, so that the model stays consistent.
        if (AddCapture(name, offset, whole))
        {
            _segments.Add(new PathSegment { Kind = SegmentKind.Parameter, Value = name, Constraint = constraint });
        }
    }

    private void AddCatchAll(string name, int offset, int length, bool isLast)
    {
        // A catch-all in the middle would make the rest of the template unreachable.
        if (!isLast)
        {
            Fail(DiagnosticCode.MisplacedCatchAll, offset, length, "catch-all '" + _token.Text.Substring(offset, length) + "' must be the last segment; use '{name}' to match one segment here");
            return;
        }

        if (AddCapture(name, offset, length))
        {
            _segments.Add(new PathSegment { Kind = SegmentKind.CatchAll, Value = name, Constraint = ParameterConstraint.None });
        }
    }

    /// <summary>Counts a capture and checks its name is new; returns false after reporting a problem.</summary>
    private bool AddCapture(string name, int offset, int length)
    {
        // The limit counts every capture, named or not, because each one takes a slot in the match result.
        _captures++;
        if (_captures == MaxCaptures + 1)
        {
            Fail(DiagnosticCode.TooManyCaptures, offset, length, "path has more than " + MaxCaptures + " captures; match this segment with a literal or use one catch-all for the rest");
            return false;
        }

        // An unnamed '**' cannot clash with anything: it cannot be referred to.
        if (name.Length > 0)
        {
            if (!_names.Add(name))
            {
                Fail(DiagnosticCode.DuplicateParameter, offset, length, "parameter '" + name + "' appears twice in the path; rename one");
                return false;
            }
        }

        return true;
    }

    /// <summary>Reports braces that do not form a whole-segment parameter: <c>/a{b}</c>, <c>/{id</c>, <c>/id}</c>.</summary>
    private void ReportBraces(string segment, int offset)
    {
        // Tell apart a parameter glued to text ('a{b}') from a lone brace ('{id' or 'id}').
        var open = segment.IndexOf('{');
        var close = open >= 0 ? segment.IndexOf('}', open) : -1;
        if (open >= 0 && close > open)
        {
            Fail(DiagnosticCode.InvalidPath, offset, segment.Length, "'" + segment + "' mixes text and a parameter; a parameter must be a whole segment, as in '/a/{b}'");
        }
        else if (open >= 0)
        {
            Fail(DiagnosticCode.InvalidPath, offset + open, 1, "unmatched '{' in path; close the parameter with '}'");
        }
        else
        {
            Fail(DiagnosticCode.InvalidPath, offset + segment.IndexOf('}'), 1, "unmatched '}' in path; open the parameter with '{'");
        }
    }
}
