using Gateway.Dsl.Collections;

namespace Gateway.Dsl.Model;

/// <summary>The checked route table: what a route file means once it has no errors.</summary>
/// <remarks>Immutable and equatable; replaced in its entirety when the file changes. Both routing backends and
/// <c>infra/</c> read this one model.</remarks>
public sealed record RouteTable
{
    /// <summary>The file the table came from, as given to the parser (for messages only).</summary>
    public required string FilePath { get; init; }

    /// <summary>The public listener from <c>listen</c>, or null when the file has none.</summary>
    public required ListenAddress? Listen { get; init; }

    /// <summary>The admin listener from <c>admin</c>, or null when the file has none.</summary>
    public required ListenAddress? Admin { get; init; }

    /// <summary>The Redis server of global rate limits from <c>redis</c>, or null when the file has none.</summary>
    public RedisAddress? Redis { get; init; }

    /// <summary>Upstreams in file order.</summary>
    public required EquatableArray<Upstream> Upstreams { get; init; }

    /// <summary>Routes in file order; <see cref="Route.Index"/> is the position here.</summary>
    public required EquatableArray<Route> Routes { get; init; }

    /// <summary>Every <c>plugin</c> line of the file once, in file order, whether or not a route uses the group it is in:
    /// what <see cref="Semantics.PluginChecker"/> checks against the policies written in C#.</summary>
    public EquatableArray<PluginCall> PluginCalls { get; init; } = EquatableArray<PluginCall>.Empty;
}
