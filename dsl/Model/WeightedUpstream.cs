namespace Gateway.Dsl.Model;

/// <summary>One side of a weighted split, <c>users-v2 10</c> in <c>to users-v1 90 users-v2 10</c>.</summary>
public sealed record WeightedUpstream
{
    /// <summary>The most a weight may be; a split of ten sides still sums well inside an <c>int</c>.</summary>
    public const int MaxWeight = 10000;

    /// <summary>The upstream's name.</summary>
    public required string Upstream { get; init; }

    /// <summary>Its weight, 1 to <see cref="MaxWeight"/>; its share is this over the sum of the split's weights.</summary>
    public required int Weight { get; init; }
}
