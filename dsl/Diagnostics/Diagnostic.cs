using Gateway.Dsl.Text;

namespace Gateway.Dsl.Diagnostics;

/// <summary>One problem in a route file, located by a tight span.</summary>
/// <remarks>Equatable, so it can flow through the source generator's pipeline.</remarks>
public sealed record Diagnostic
{
    /// <summary>The code, e.g. <c>GW0103</c>.</summary>
    public required string Code { get; init; }

    /// <summary>Error or warning.</summary>
    public required DiagnosticSeverity Severity { get; init; }

    /// <summary>What is wrong and what to write instead, in one line: <c>upstream 'user' is not defined; did you mean 'users'?</c>.</summary>
    public required string Message { get; init; }

    /// <summary>The file path as given to the parser.</summary>
    public required string FilePath { get; init; }

    /// <summary>The offending characters (0-based, end-exclusive).</summary>
    public required TextSpan Span { get; init; }

    /// <summary>The same span as lines and columns (0-based).</summary>
    public required LinePositionSpan LineSpan { get; init; }

    /// <summary>The diagnostic as the compiler prints it: <c>routes.gw(12,9): error GW0103: …</c>.</summary>
    public override string ToString() =>
        FilePath + LineSpan.Start + ": " + (Severity == DiagnosticSeverity.Error ? "error " : "warning ") + Code + ": " + Message;
}
