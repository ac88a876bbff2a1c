namespace Gateway.Dsl.Diagnostics;

/// <summary>How serious a diagnostic is; errors fail the build.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The file cannot be used.</summary>
    Error,

    /// <summary>The file works but probably not as meant.</summary>
    Warning,
}
