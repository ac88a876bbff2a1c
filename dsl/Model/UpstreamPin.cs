namespace Gateway.Dsl.Model;

/// <summary>A pin rule of a split: <c>pin users-v2 header X-Canary 1</c> sends every request that carries the value to
/// that upstream, whatever the weights and the sticky key say.</summary>
public sealed record UpstreamPin
{
    /// <summary>The upstream the request goes to; one of the split's.</summary>
    public required string Upstream { get; init; }

    /// <summary>Whether the value is read from a header or a cookie.</summary>
    public required PinSource Source { get; init; }

    /// <summary>The header or cookie name, as written.</summary>
    public required string Name { get; init; }

    /// <summary>The value the request must carry, compared exactly.</summary>
    public required string Value { get; init; }
}
