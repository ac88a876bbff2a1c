namespace Gateway.Infra.Objects;

/// <summary>A checked route file, or the lines to print when it has errors.</summary>
public sealed record RouteFileReadResult
{
    /// <summary>The file, or null when <see cref="Errors"/> is not empty.</summary>
    public GatewayRouteFile? Routes { get; init; }

    /// <summary>Rendered diagnostics, one output line per item.</summary>
    public required IReadOnlyList<string> Errors { get; init; }
}
