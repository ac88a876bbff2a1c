namespace Gateway.Dsl.Model;

/// <summary>A route's shadow traffic: <c>mirror users-shadow 10%</c> sends a copy of a sampled share of the route's
/// requests to another upstream and discards its answers.</summary>
public sealed record MirrorTarget
{
    /// <summary>The shadow upstream.</summary>
    public required string Upstream { get; init; }

    /// <summary>The share of requests copied, 1 to 100.</summary>
    public required int Percent { get; init; }
}
