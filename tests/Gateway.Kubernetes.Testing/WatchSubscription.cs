using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Gateway.Kubernetes.Testing;

/// <summary>One open watch: which objects it wants and the channel the store writes matching events to.</summary>
internal sealed class WatchSubscription(ResourceType type, string? @namespace, Func<JsonObject, bool> filter)
{
    /// <summary>Unbounded, because the store writes while holding its lock and must never wait on a slow reader.</summary>
    public Channel<WatchEvent> Events { get; } = Channel.CreateUnbounded<WatchEvent>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>True when an event about <paramref name="key"/> and <paramref name="obj"/> belongs to this watch.</summary>
    public bool Wants(ObjectKey key, JsonObject obj) =>
        key.Type == type && (@namespace is null || key.Namespace == @namespace) && filter(obj);

    /// <summary>True when the watch is on <paramref name="resource"/>, for injected events.</summary>
    public bool IsOn(ResourceType resource) => resource == type;
}
