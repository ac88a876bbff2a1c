namespace Gateway.Dsl.Model;

/// <summary>A host condition: exact (<c>api.example.com</c>) or wildcard (<c>*.example.org</c>).</summary>
/// <remarks>Hosts compare case-insensitively, so the model stores them in lower case. A wildcard matches one or more
/// labels before the suffix (<c>a.example.org</c>, <c>a.b.example.org</c>) but not the bare suffix.</remarks>
public sealed record HostPattern
{
    /// <summary>The host in lower case; for a wildcard, the part after <c>*.</c>.</summary>
    public required string Host { get; init; }

    /// <summary>Whether the pattern was written <c>*.host</c>.</summary>
    public required bool IsWildcard { get; init; }

    /// <summary>The pattern as written (in lower case).</summary>
    public override string ToString() => IsWildcard ? "*." + Host : Host;
}
