using System.Globalization;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;

namespace Gateway.Dsl.Semantics;

/// <summary>Reads an upstream's <c>outlier consecutive N eject D max P%</c> or <c>outlier off</c>.</summary>
internal static class OutlierReader
{
    /// <summary>How the directive is written, for messages.</summary>
    public const string Form = "outlier consecutive 5 eject 30s max 50%";

    // The fixed words of the form and their positions among the arguments.
    private static readonly (int Index, string Word)[] Words = { (0, "consecutive"), (2, "eject"), (4, "max") };

    /// <summary>Reads the arguments of an <c>outlier</c> line; null after reporting what is wrong.</summary>
    public static OutlierDetection? Read(DiagnosticBag diagnostics, DirectiveSyntax directive)
    {
        var arguments = directive.Arguments;
        var line = TokenChecks.LineOf(diagnostics, directive.Keyword.Span);
        if (arguments.Count == 1 && arguments[0].IsWord("off"))
        {
            return new OutlierDetection { Enabled = false, Line = line };
        }

        // More than six arguments are reported by the catalog; the first six are still read.
        if (arguments.Count < 6)
        {
            diagnostics.Error(DiagnosticCode.InvalidOutlier, directive.Keyword.Span, "'outlier' needs a failure count, an ejection time and a share, or 'off'; write '" + Form + "'");
            return null;
        }

        foreach (var (index, word) in Words)
        {
            if (!arguments[index].IsWord(word))
            {
                diagnostics.Error(DiagnosticCode.InvalidOutlier, arguments[index].Span, "expected '" + word + "', found '" + arguments[index].Text + "'; write '" + Form + "'");
                return null;
            }
        }

        var count = arguments[1];
        int? consecutive = int.TryParse(count.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1000 ? n : null;
        if (consecutive is null)
        {
            diagnostics.Error(DiagnosticCode.InvalidOutlier, count.Span, "failure count '" + count.Value + "' is not a whole number from 1 to 1000; write how many failed attempts in a row eject an endpoint, e.g. 'consecutive 5'");
        }

        var eject = ValueReader.Duration(diagnostics, arguments[3], "ejection time");
        var share = ReadPercent(diagnostics, arguments[5]);
        if (consecutive is null || eject is null || share is null)
        {
            return null;
        }

        return new OutlierDetection { Enabled = true, ConsecutiveFailures = consecutive.Value, EjectionDuration = eject.Value, MaxEjectionPercent = share.Value, Line = line };
    }

    /// <summary>Reads <c>50%</c>: a whole percentage from 1 to 100.</summary>
    private static int? ReadPercent(DiagnosticBag diagnostics, Token token)
    {
        if (token.Kind == TokenKind.Word && Units.TryParsePercent(token.Text, out var percent))
        {
            return percent;
        }

        diagnostics.Error(DiagnosticCode.InvalidOutlier, token.Span,
            "share '" + token.Value + "' is not a whole percentage from 1% to 100%; write the most endpoints ejected at once, e.g. 'max 50%'");
        return null;
    }
}
