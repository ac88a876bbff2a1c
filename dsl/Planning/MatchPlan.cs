using Gateway.Dsl.Collections;

namespace Gateway.Dsl.Planning;

/// <summary>The decision structure both routing backends execute: host dispatch, then a segment trie per host class.</summary>
/// <remarks>
/// The order of tries and of children inside each node is the precedence order of docs/dsl.md ("How routes are
/// chosen"), so a depth-first walk that stops at the first candidate whose conditions hold finds the most specific
/// matching route:
/// exact hosts, then wildcard hosts (longest suffix first), then routes without a host; inside a trie,
/// literal children, then the constrained-parameter child, then the parameter child, then catch-all candidates.
/// The emitter (compiled) and the interpreter (hot reload, CRDs) are two readings of this one record.
/// </remarks>
public sealed record MatchPlan
{
    /// <summary>Tries for exact hosts, sorted by host (ordinal); the request host is compared in lower case.</summary>
    public required EquatableArray<HostBranch> ExactHosts { get; init; }

    /// <summary>Tries for wildcard hosts, longest suffix first; <see cref="HostBranch.Host"/> starts with a dot.</summary>
    public required EquatableArray<HostBranch> WildcardHosts { get; init; }

    /// <summary>The trie of routes that name no host, or null when every route names one.</summary>
    public required PathNode? AnyHost { get; init; }

    /// <summary>The deepest node's depth: the most segments any route's path has before its end or catch-all.</summary>
    public required int MaxDepth { get; init; }
}
