namespace Gateway.Dsl.Model;

/// <summary>A header condition: <c>header x-version 2</c> (value equals) or <c>header x-debug</c> (present).</summary>
/// <remarks>Names compare case-insensitively, so they are stored in lower case; values compare exactly, against the
/// first value of the header, so two routes that require different values can never both match.</remarks>
public sealed record HeaderMatch
{
    /// <summary>The header name in lower case.</summary>
    public required string Name { get; init; }

    /// <summary>The value that must be present, or null when only presence is required.</summary>
    public required string? Value { get; init; }
}
