using System.Collections.Generic;
using System.Linq;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Syntax;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Semantics;

/// <summary>The single table of directive keywords, their levels and argument counts, and the messages that follow from it.</summary>
internal static class DirectiveCatalog
{
    private const int Many = int.MaxValue;

    private static readonly DirectiveShape[] Shapes =
    {
        Shape("listen", DirectiveLevel.TopLevel, 1, 1, false, "one address", "listen 0.0.0.0:8080"),
        Shape("admin", DirectiveLevel.TopLevel, 1, 1, false, "one address", "admin 127.0.0.1:9901"),
        Shape("upstream", DirectiveLevel.TopLevel, 1, 1, true, "a name and a block", "upstream users { … }"),
        Shape("route", DirectiveLevel.TopLevel, 1, 1, true, "a name and a block", "route users { … }"),
        Shape("endpoints", DirectiveLevel.Upstream, 1, Many, true, "one or more URLs", "endpoints http://127.0.0.1:5001"),
        Shape("balance", DirectiveLevel.Upstream, 1, 1, false, "one mode", "balance round_robin"),
        Shape("host", DirectiveLevel.Route, 1, Many, false, "one or more host patterns", "host api.example.com *.example.org"),
        Shape("method", DirectiveLevel.Route, 1, Many, false, "one or more methods", "method GET HEAD"),
        Shape("path", DirectiveLevel.Route, 1, 1, false, "one template", "path /users/{id:int}"),
        Shape("header", DirectiveLevel.Route, 1, 2, true, "a name and an optional value", "header x-version 2"),
        Shape("query", DirectiveLevel.Route, 1, 2, true, "a name and an optional value", "query version 2"),
        Shape("priority", DirectiveLevel.Route, 1, 1, false, "one integer", "priority 10"),
        Shape("to", DirectiveLevel.Route, 1, 1, false, "one upstream name", "to users"),
        Shape("respond", DirectiveLevel.Route, 1, 2, false, "a status and an optional quoted body", "respond 404 \"no such user\""),
    };

    /// <summary>The shape of <paramref name="keyword"/> at <paramref name="level"/>, or null when it is not valid there.</summary>
    public static DirectiveShape? Find(string keyword, DirectiveLevel level)
    {
        foreach (var shape in Shapes)
        {
            if (shape.Keyword == keyword && shape.Level == level)
            {
                return shape;
            }
        }

        return null;
    }

    /// <summary>The keywords valid at <paramref name="level"/>, in the order the docs list them.</summary>
    public static IEnumerable<string> KeywordsAt(DirectiveLevel level) => Shapes.Where(s => s.Level == level).Select(s => s.Keyword);

    /// <summary>Reports a keyword that is unknown at <paramref name="level"/>, saying where it belongs or what it may mean.</summary>
    public static void ReportUnknown(DiagnosticBag diagnostics, Token keyword, DirectiveLevel level)
    {
        var valid = LevelName(level) + " directives are: " + string.Join(", ", KeywordsAt(level));

        // A keyword valid at another level is a misplaced line, not a typo: say where it belongs instead of guessing.
        var elsewhere = Shapes.FirstOrDefault(s => s.Keyword == keyword.Text);
        string message;
        if (elsewhere is not null)
        {
            message = "'" + keyword.Text + "' belongs " + Where(elsewhere.Level) + ", not " + Where(level) + "; " + valid;
        }
        else
        {
            var suggestion = NameSuggester.Suggest(keyword.Text, KeywordsAt(level));
            message = "unknown directive '" + keyword.Text + "'; " + (suggestion is null ? string.Empty : "did you mean '" + suggestion + "'? ") + valid;
        }

        diagnostics.Error(DiagnosticCode.UnknownDirective, keyword.Span, message);
    }

    /// <summary>Whether a line the checker could not use (an unknown keyword, or a rejected line's quoted first word)
    /// may have been meant as <paramref name="keyword"/>: the same word quoted or in another case, or a near miss
    /// (<c>pth</c>, <c>paths</c>). Its error already covers the directive's absence.</summary>
    public static bool CouldBe(Token unusable, string keyword)
    {
        var word = unusable.Value;
        return string.Equals(word, keyword, System.StringComparison.OrdinalIgnoreCase) || NameSuggester.Suggest(word, new[] { keyword }) is not null;
    }

    /// <summary>Reports too few or too many arguments; returns whether the directive has at least the minimum.</summary>
    public static bool CheckArity(DiagnosticBag diagnostics, DirectiveSyntax directive, DirectiveShape shape)
    {
        var arguments = directive.Arguments;

        // Extra arguments are reported but the directive is still read, so its first arguments get checked too.
        if (arguments.Count > shape.MaxArguments)
        {
            var extra = TextSpan.FromBounds(arguments[shape.MaxArguments].Span.Start, arguments[arguments.Count - 1].Span.End);
            diagnostics.Error(
                DiagnosticCode.UnexpectedArgument,
                extra,
                "unexpected '" + arguments[shape.MaxArguments].Text + "'; '" + shape.Keyword + "' takes " + shape.Takes + ", as in '" + shape.Example + "'");
        }

        if (arguments.Count < shape.MinArguments)
        {
            diagnostics.Error(
                DiagnosticCode.MissingArgument,
                directive.Keyword.Span,
                "'" + shape.Keyword + "' needs " + shape.Takes + "; write '" + shape.Example + "'");
            return false;
        }

        return true;
    }

    /// <summary>
    /// Like <see cref="CheckOnce"/> for a directive that may appear once; a repeatable one (<paramref name="shape"/>) is
    /// always accepted, and its first occurrence is recorded in <paramref name="seen"/> too, so a block can ask whether
    /// it appeared at all.
    /// </summary>
    public static bool CheckOnceUnlessRepeatable(DiagnosticBag diagnostics, Dictionary<string, DirectiveSyntax> seen, DirectiveSyntax directive, DirectiveShape shape, string owner)
    {
        if (!shape.Repeatable)
        {
            return CheckOnce(diagnostics, seen, directive, owner);
        }

        if (!seen.ContainsKey(directive.Name))
        {
            seen[directive.Name] = directive;
        }

        return true;
    }

    /// <summary>Records the first use of a non-repeatable directive and reports any later one; returns whether
    /// <paramref name="directive"/> is the first.</summary>
    /// <param name="diagnostics">Where to report.</param>
    /// <param name="seen">The first directive of each keyword in this block (or file).</param>
    /// <param name="directive">The directive to record.</param>
    /// <param name="owner">The thing that has one of each, with its article: <c>a route</c>.</param>
    public static bool CheckOnce(DiagnosticBag diagnostics, Dictionary<string, DirectiveSyntax> seen, DirectiveSyntax directive, string owner)
    {
        if (seen.TryGetValue(directive.Name, out var first))
        {
            diagnostics.Error(
                DiagnosticCode.DuplicateDirective,
                directive.Keyword.Span,
                "'" + directive.Name + "' is already given on line " + TokenChecks.LineOf(diagnostics, first.Keyword.Span) + "; " + owner + " has one '" + directive.Name + "', so remove one");
            return false;
        }

        seen[directive.Name] = directive;
        return true;
    }

    /// <summary>The level as an adjective, for "route directives are: …".</summary>
    private static string LevelName(DirectiveLevel level) => level switch
    {
        DirectiveLevel.Upstream => "upstream",
        DirectiveLevel.Route => "route",
        _ => "top-level",
    };

    /// <summary>The level as a place, for "belongs in a route block".</summary>
    private static string Where(DirectiveLevel level) => level switch
    {
        DirectiveLevel.Upstream => "in an upstream block",
        DirectiveLevel.Route => "in a route block",
        _ => "at the top level",
    };

    /// <summary>Builds one catalog row; keeps the table above readable as one line per keyword.</summary>
    private static DirectiveShape Shape(string keyword, DirectiveLevel level, int min, int max, bool repeatable, string takes, string example) =>
        new() { Keyword = keyword, Level = level, MinArguments = min, MaxArguments = max, Repeatable = repeatable, Takes = takes, Example = example };
}
