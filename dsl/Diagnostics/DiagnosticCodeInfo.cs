namespace Gateway.Dsl.Diagnostics;

/// <summary>One diagnostic code with its short title, as listed in <c>docs/dsl.md</c> and by the generator's descriptors.</summary>
public sealed record DiagnosticCodeInfo
{
    /// <summary>The code, e.g. <c>GW0103</c>.</summary>
    public required string Code { get; init; }

    /// <summary>A short title in sentence case, e.g. <c>Undefined upstream</c>.</summary>
    public required string Title { get; init; }

    /// <summary>How serious the code is: every diagnostic with this code has this severity.</summary>
    public DiagnosticSeverity Severity { get; init; } = DiagnosticSeverity.Error;
}
