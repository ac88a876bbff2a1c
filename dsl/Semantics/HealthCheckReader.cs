using System;
using System.Globalization;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;

namespace Gateway.Dsl.Semantics;

/// <summary>Reads an upstream's <c>health METHOD PATH [every D] [timeout D] [healthy N] [unhealthy N]</c> and
/// <c>when-unhealthy 503|all</c>.</summary>
internal static class HealthCheckReader
{
    /// <summary>How the directive is written, for messages.</summary>
    public const string Form = "health GET /healthz [every 5s] [timeout 1s] [healthy 2] [unhealthy 3]";

    private static readonly string[] Options = { "every", "timeout", "healthy", "unhealthy" };
    private static readonly string[] Methods = { "GET", "HEAD" };
    private static readonly string[] WhenUnhealthy = { "503", "all" };

    /// <summary>Reads the arguments of a <c>health</c> line; null after reporting what is wrong.</summary>
    public static HealthCheck? Read(DiagnosticBag diagnostics, DirectiveSyntax directive)
    {
        var arguments = directive.Arguments;
        if (arguments.Count < 2)
        {
            diagnostics.Error(DiagnosticCode.MissingArgument, directive.Keyword.Span, "'health' needs a method and a path; write '" + Form + "'");
            return null;
        }

        if (ValueReader.Choice(diagnostics, arguments[0], "health check method", Methods) < 0)
        {
            return null;
        }

        var path = arguments[1];
        if (path.Kind != TokenKind.Word || !path.Text.StartsWith("/", StringComparison.Ordinal) || path.Text.IndexOf('#') >= 0)
        {
            diagnostics.Error(DiagnosticCode.InvalidHealthCheck, path.Span, "health check path '" + path.Value + "' does not start with '/'; write the path each endpoint answers, e.g. '/healthz'");
            return null;
        }

        var check = new HealthCheck { Method = arguments[0].Text, Path = path.Text, Line = TokenChecks.LineOf(diagnostics, directive.Keyword.Span) };
        var given = new System.Collections.Generic.HashSet<string>();
        var problems = 0;
        for (var i = 2; i < arguments.Count; i += 2)
        {
            var option = arguments[i];
            if (option.Kind != TokenKind.Word || Array.IndexOf(Options, option.Text) < 0 || !given.Add(option.Text))
            {
                var repeated = given.Contains(option.Text) && Array.IndexOf(Options, option.Text) >= 0;
                var hint = !repeated && NameSuggester.Suggest(option.Text, Options) is { } near ? "did you mean '" + near + "'? " : string.Empty;
                diagnostics.Error(DiagnosticCode.UnexpectedArgument, option.Span,
                    (repeated ? "'" + option.Text + "' is given twice; keep one. " : "unexpected '" + option.Text + "'; " + hint) + "'health' is written '" + Form + "'");
                return null;
            }

            if (i + 1 >= arguments.Count)
            {
                diagnostics.Error(DiagnosticCode.MissingArgument, option.Span, "'" + option.Text + "' needs a value; write '" + Form + "'");
                return null;
            }

            var value = arguments[i + 1];
            switch (option.Text)
            {
                case "every":
                    if (ValueReader.Duration(diagnostics, value, "health check interval") is not { } interval)
                    {
                        return null;
                    }

                    check = check with { Interval = interval };
                    break;
                case "timeout":
                    if (ValueReader.Duration(diagnostics, value, "health check timeout") is not { } timeout)
                    {
                        return null;
                    }

                    check = check with { Timeout = timeout };
                    break;
                default:
                    if (!int.TryParse(value.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1 || count > 100)
                    {
                        // Both thresholds are checked, so one build reports both.
                        diagnostics.Error(DiagnosticCode.InvalidHealthCheck, value.Span, "'" + option.Text + " " + value.Text + "' is not a count from 1 to 100; write how many checks in a row change the endpoint's state, e.g. '" + option.Text + " 3'");
                        problems++;
                        continue;
                    }

                    check = option.Text == "healthy" ? check with { HealthyThreshold = count } : check with { UnhealthyThreshold = count };
                    break;
            }
        }

        // A check still running when the next is due would pile up behind a slow endpoint.
        if (check.Timeout > check.Interval)
        {
            var which = given.Contains("timeout") ? "the health check timeout (" + Format(check.Timeout) + ")" : "the default health check timeout (" + Format(check.Timeout) + ")";
            diagnostics.Error(DiagnosticCode.InvalidHealthCheck, directive.Keyword.Span,
                which + " is longer than its interval (" + Format(check.Interval) + "); make the timeout at most the interval, e.g. 'every " + Format(check.Interval) + " timeout " + Format(check.Interval) + "'");
            return null;
        }

        return problems == 0 ? check : null;
    }

    /// <summary>Reads <c>when-unhealthy 503|all</c>: true for <c>all</c> (send to every endpoint), false for 503.</summary>
    public static bool? ReadWhenUnhealthy(DiagnosticBag diagnostics, Token token)
    {
        var choice = ValueReader.Choice(diagnostics, token, "when-unhealthy answer", WhenUnhealthy);
        return choice < 0 ? null : choice == 1;
    }

    private static string Format(TimeSpan span) => span.TotalMilliseconds % 1000 == 0 ? span.TotalSeconds + "s" : span.TotalMilliseconds + "ms";
}
