namespace Gateway.Dsl.Model;

/// <summary>A route's <c>mirror UPSTREAM P%</c>: a copy of that share of its requests, without the body, goes to a
/// shadow upstream whose answer is discarded.</summary>
public sealed record TrafficMirror
{
    /// <summary>The shadow upstream's name.</summary>
    public required string Upstream { get; init; }

    /// <summary>The share of requests copied, 1 to 100.</summary>
    public required int Percent { get; init; }
}
