using Gateway.Infra.Apply;

namespace Gateway.Infra.Objects;

/// <summary>The stack's objects, or the route file's rendered errors when it does not check.</summary>
public sealed record GatewayBuildResult
{
    /// <summary>The objects in apply order, or null when <see cref="Errors"/> is not empty.</summary>
    public DesiredState? State { get; init; }

    /// <summary>Rendered diagnostics of <c>routes.gw</c>, one output line per item.</summary>
    public required IReadOnlyList<string> Errors { get; init; }
}
