namespace Gateway.Dsl.Model;

/// <summary>One <c>request-header</c> or <c>response-header</c> line: set, add or remove a header.</summary>
public sealed record HeaderEdit
{
    /// <summary>What to do.</summary>
    public required HeaderEditKind Kind { get; init; }

    /// <summary>The header name as written (names compare case-insensitively).</summary>
    public required string Name { get; init; }

    /// <summary>The value for set and add; null for remove.</summary>
    public string? Value { get; init; }
}
