namespace Gateway.Dsl.Model;

/// <summary>A query condition: <c>query version 2</c> (value equals) or <c>query debug</c> (present).</summary>
/// <remarks>Names and values compare case-sensitively, after percent-decoding the request's query;
/// a value is compared with the first occurrence of the name only.</remarks>
public sealed record QueryMatch
{
    /// <summary>The parameter name.</summary>
    public required string Name { get; init; }

    /// <summary>The value that must be present, or null when only presence is required.</summary>
    public required string? Value { get; init; }
}
