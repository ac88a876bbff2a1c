using System.Text.Json.Nodes;

namespace Gateway.Kubernetes.Testing;

/// <summary>One change in the store, kept in history so watches can resume from a resourceVersion.</summary>
/// <param name="ResourceVersion">The store's resourceVersion after the change.</param>
/// <param name="Type">ADDED, MODIFIED, DELETED (or BOOKMARK/ERROR when injected).</param>
/// <param name="Key">The changed object's key; null for injected events, which go to every watcher of the resource.</param>
/// <param name="Object">A snapshot of the object after the change (before it, for DELETED).</param>
internal sealed record WatchEvent(long ResourceVersion, string Type, ObjectKey? Key, JsonObject Object)
{
    /// <summary>The newline-delimited JSON line the API server streams: <c>{"type":...,"object":...}</c>.</summary>
    public string ToLine() => new JsonObject { ["type"] = Type, ["object"] = Object.DeepClone() }.ToJsonString() + "\n";
}
