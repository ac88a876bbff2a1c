namespace Gateway.Dsl.Planning;

/// <summary>The trie of routes for one host, exact (<c>api.example.com</c>) or wildcard suffix (<c>.example.org</c>).</summary>
public sealed record HostBranch
{
    /// <summary>The lower-case host, or for a wildcard the suffix including its leading dot.</summary>
    public required string Host { get; init; }

    /// <summary>Whether the branch serves a wildcard host.</summary>
    public required bool IsWildcard { get; init; }

    /// <summary>The root of the branch's segment trie.</summary>
    public required PathNode Root { get; init; }
}
