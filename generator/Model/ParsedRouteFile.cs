using Gateway.Dsl;

namespace Gateway.Generator.Model;

/// <summary>A route file after the dsl has read it: the equatable check result, or why reading failed.</summary>
internal sealed record ParsedRouteFile
{
    /// <summary>The file's name, e.g. <c>routes.gw</c>.</summary>
    public required string FileName { get; init; }

    /// <summary>The full path, where diagnostics point.</summary>
    public required string Path { get; init; }

    /// <summary>The file's text; empty when it could not be read.</summary>
    public required string Text { get; init; }

    /// <summary>The model, plan and diagnostics; null when <see cref="Failure"/> is set.</summary>
    public required CheckResult? Result { get; init; }

    /// <summary>Why the file could not be read or the dsl failed unexpectedly (reported as GW0902); null on success.</summary>
    public required string? Failure { get; init; }

    /// <summary>Whether the file produced a plan the emitter can turn into a matcher.</summary>
    public bool IsUsable => Result is { Table: not null, Plan: not null } && Failure is null;
}
