using System.Text.Json.Nodes;

namespace Gateway.Kubernetes.Testing;

/// <summary>An object in the store: its current JSON and, per field manager, the fields that manager owns.</summary>
internal sealed class StoredObject(JsonObject obj, IReadOnlyDictionary<string, FieldOwner> owners)
{
    /// <summary>The object as GET returns it (including metadata.managedFields).</summary>
    public JsonObject Object { get; } = obj;

    /// <summary>Owners keyed by manager and subresource (<c>gateway-infra|</c>, <c>controller|status</c>).</summary>
    public IReadOnlyDictionary<string, FieldOwner> Owners { get; } = owners;

    /// <summary>The owner dictionary key for a manager writing the main resource or a subresource.</summary>
    public static string OwnerKey(string manager, string subresource) => manager + "|" + subresource;
}
