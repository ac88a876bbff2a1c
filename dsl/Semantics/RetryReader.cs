using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;

namespace Gateway.Dsl.Semantics;

/// <summary>Reads <c>retry N [on COND…] [methods M…] [backoff D]</c> and an upstream's <c>retry-budget P%</c>.</summary>
internal static class RetryReader
{
    /// <summary>How the directive is written, for messages.</summary>
    public const string Form = "retry 2 [on connect-failure reset timeout 502 503 504] [methods GET PUT] [backoff 25ms]";

    /// <summary>The most retries one request may get.</summary>
    public const int MaxRetries = 10;

    private static readonly string[] Options = { "on", "methods", "backoff" };

    private static readonly (string Word, RetryConditions Flag)[] Conditions =
    {
        ("connect-failure", RetryConditions.ConnectFailure),
        ("reset", RetryConditions.Reset),
        ("timeout", RetryConditions.Timeout),
        ("502", RetryConditions.Status502),
        ("503", RetryConditions.Status503),
        ("504", RetryConditions.Status504),
    };

    /// <summary>Reads the arguments of a <c>retry</c> line (not <c>retry off</c>); null after reporting what is wrong.</summary>
    public static RetryPolicy? Read(DiagnosticBag diagnostics, DirectiveSyntax directive)
    {
        var arguments = directive.Arguments;
        var count = arguments[0];
        if (!int.TryParse(count.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var retries) || retries < 1 || retries > MaxRetries)
        {
            diagnostics.Error(DiagnosticCode.InvalidRetry, count.Span, "'retry " + count.Text + "' is not a number of retries from 1 to " + MaxRetries + "; write e.g. 'retry 2 on connect-failure 503'");
            return null;
        }

        var policy = new RetryPolicy { Retries = retries, Line = TokenChecks.LineOf(diagnostics, directive.Keyword.Span) };
        var given = new HashSet<string>();
        var i = 1;
        while (i < arguments.Count)
        {
            var option = arguments[i];
            if (option.Kind != TokenKind.Word || Array.IndexOf(Options, option.Text) < 0 || !given.Add(option.Text))
            {
                var repeated = Array.IndexOf(Options, option.Text) >= 0;
                var hint = !repeated && NameSuggester.Suggest(option.Text, Options) is { } near ? "did you mean '" + near + "'? " : string.Empty;
                diagnostics.Error(DiagnosticCode.UnexpectedArgument, option.Span,
                    (repeated ? "'" + option.Text + "' is given twice; keep one. " : "unexpected '" + option.Text + "'; " + hint) + "'retry' is written '" + Form + "'");
                return null;
            }

            // An option's values run to the next option word.
            var values = new List<Token>();
            for (i++; i < arguments.Count && Array.IndexOf(Options, arguments[i].Text) < 0; i++)
            {
                values.Add(arguments[i]);
            }

            if (values.Count == 0 || (option.Text == "backoff" && values.Count > 1))
            {
                var example = option.Text switch { "on" => "on connect-failure 503", "methods" => "methods GET PUT", _ => "backoff 50ms" };
                diagnostics.Error(values.Count == 0 ? DiagnosticCode.MissingArgument : DiagnosticCode.UnexpectedArgument, values.Count == 0 ? option.Span : values[1].Span,
                    "'" + option.Text + "' needs " + (option.Text == "backoff" ? "one duration" : "one or more values") + "; write e.g. '" + example + "'");
                return null;
            }

            switch (option.Text)
            {
                case "on":
                    var on = RetryConditions.None;
                    foreach (var value in values)
                    {
                        var index = Array.FindIndex(Conditions, c => c.Word == value.Text);
                        if (index < 0)
                        {
                            // A list rather than a near miss: '500' is not a typo of '502', it is a status no retry should repeat.
                            diagnostics.Error(DiagnosticCode.UnknownChoice, value.Span, "unknown retry condition '" + value.Text + "'; retry on " + string.Join(", ", Conditions.Select(c => c.Word)));
                            return null;
                        }

                        on |= Conditions[index].Flag;
                    }

                    policy = policy with { On = on };
                    break;
                case "methods":
                    var methods = MethodSet.None;
                    foreach (var value in values)
                    {
                        var method = RouteChecker.FindMethod(value.Text);
                        if (method == MethodSet.None || method == MethodSet.Connect)
                        {
                            diagnostics.Error(DiagnosticCode.UnknownMethod, value.Span, "unknown method '" + value.Text + "' to retry" + NameSuggester.DidYouMeanOrList(value.Text, RouteChecker.MethodNames.Where(m => m != "CONNECT").ToArray()));
                            return null;
                        }

                        methods |= method;
                    }

                    policy = policy with { Methods = methods };
                    break;
                default:
                    if (ValueReader.Duration(diagnostics, values[0], "retry backoff") is not { } backoff)
                    {
                        return null;
                    }

                    policy = policy with { Backoff = backoff };
                    break;
            }
        }

        return policy;
    }

    /// <summary>Reads <c>retry-budget P%</c>: the most retries, as a share of the upstream's requests, from 1% to 100%.</summary>
    public static int? ReadBudget(DiagnosticBag diagnostics, Token token)
    {
        var text = token.Text;
        if (Units.TryParsePercent(text, out var percent))
        {
            return percent;
        }

        var example = NameRules.AllDigits(text) && text.Length is > 0 and <= 3 ? text + "%" : "20%";
        diagnostics.Error(DiagnosticCode.InvalidRetryBudget, token.Span, "retry budget '" + text + "' is not a share from 1% to 100%; write the most retries as a share of the upstream's requests, e.g. 'retry-budget " + example + "'");
        return null;
    }
}
