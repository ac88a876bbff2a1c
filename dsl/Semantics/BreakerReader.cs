using System;
using System.Globalization;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;

namespace Gateway.Dsl.Semantics;

/// <summary>Reads an upstream's <c>breaker RATIO% of N in D break D</c>.</summary>
/// <remarks>The bounds are those of Polly's <c>CircuitBreakerStrategyOptions</c>, which runs the breaker: a minimum
/// throughput of at least 2, and a sampling window and break of 500 ms to one day
/// (https://www.pollydocs.org/strategies/circuit-breaker). Checking them here keeps a value Polly would reject at run
/// time from passing the build.</remarks>
internal static class BreakerReader
{
    /// <summary>How the directive is written, for messages.</summary>
    public const string Form = "breaker 50% of 20 in 30s break 10s";

    private static readonly TimeSpan Shortest = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    // The fixed words of the form and their positions among the arguments.
    private static readonly (int Index, string Word, string After)[] Words =
    {
        (1, "of", "the failure ratio"),
        (3, "in", "the throughput"),
        (5, "break", "the sampling window"),
    };

    /// <summary>Reads the arguments of a <c>breaker</c> line; null after reporting what is wrong.</summary>
    public static CircuitBreaker? Read(DiagnosticBag diagnostics, DirectiveSyntax directive)
    {
        var arguments = directive.Arguments;

        // More than seven arguments are reported by the catalog; the first seven are still read.
        if (arguments.Count < 7)
        {
            diagnostics.Error(DiagnosticCode.InvalidBreaker, directive.Keyword.Span, "'breaker' needs a failure ratio, a throughput, a window and a break; write '" + Form + "'");
            return null;
        }

        foreach (var (index, word, after) in Words)
        {
            if (!arguments[index].IsWord(word))
            {
                diagnostics.Error(DiagnosticCode.InvalidBreaker, arguments[index].Span, "expected '" + word + "' after " + after + ", found '" + arguments[index].Text + "'; write '" + Form + "'");
                return null;
            }
        }

        var ratio = ReadPercent(diagnostics, arguments[0]);
        var throughput = ReadThroughput(diagnostics, arguments[2]);
        var window = ReadDuration(diagnostics, arguments[4], "sampling window", "in 30s");
        var pause = ReadDuration(diagnostics, arguments[6], "break duration", "break 10s");
        if (ratio is null || throughput is null || window is null || pause is null)
        {
            return null;
        }

        return new CircuitBreaker
        {
            FailurePercent = ratio.Value,
            MinimumThroughput = throughput.Value,
            SamplingDuration = window.Value,
            BreakDuration = pause.Value,
            Line = TokenChecks.LineOf(diagnostics, directive.Keyword.Span),
        };
    }

    /// <summary>Reads <c>50%</c>: a whole percentage from 1 to 100.</summary>
    private static int? ReadPercent(DiagnosticBag diagnostics, Token token)
    {
        if (token.Kind == TokenKind.Word && Units.TryParsePercent(token.Text, out var percent))
        {
            return percent;
        }

        diagnostics.Error(DiagnosticCode.InvalidBreakerRatio, token.Span,
            "failure ratio '" + token.Value + "' is not a whole percentage from 1% to 100%; write the share of failed attempts that opens the breaker, e.g. '50%'");
        return null;
    }

    /// <summary>Reads the minimum throughput: a whole number of at least 2.</summary>
    private static int? ReadThroughput(DiagnosticBag diagnostics, Token token)
    {
        if (token.Kind == TokenKind.Word && int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 2)
        {
            return count;
        }

        diagnostics.Error(DiagnosticCode.InvalidBreakerThroughput, token.Span,
            "throughput '" + token.Value + "' is not a whole number of at least 2; write how many attempts the window needs before the ratio counts, e.g. 'of 20'");
        return null;
    }

    /// <summary>Reads a duration of 500 ms to one day.</summary>
    private static TimeSpan? ReadDuration(DiagnosticBag diagnostics, Token token, string what, string example)
    {
        if (ValueReader.Duration(diagnostics, token, what) is not { } duration)
        {
            return null;
        }

        if (duration < Shortest || duration > Longest)
        {
            diagnostics.Error(DiagnosticCode.InvalidBreaker, token.Span,
                what + " '" + token.Text + "' is " + (duration < Shortest ? "shorter than 500ms" : "longer than 1 day") + "; write a duration from 500ms to 24h, e.g. '" + example + "'");
            return null;
        }

        return duration;
    }
}
