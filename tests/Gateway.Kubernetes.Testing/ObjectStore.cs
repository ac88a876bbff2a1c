using System.Text.Json.Nodes;

namespace Gateway.Kubernetes.Testing;

/// <summary>
/// The fake's in-memory etcd: objects keyed by (resource, namespace, name), one global resourceVersion counter, a full
/// change history for resumable watches, and the open watch subscriptions. Every operation runs under one lock.
/// </summary>
internal sealed partial class ObjectStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ObjectKey, StoredObject> _objects = [];
    private readonly Dictionary<ResourceType, string> _kinds = [];
    private readonly List<WatchEvent> _history = [];
    private readonly List<WatchSubscription> _watches = [];
    private long _resourceVersion = 1000;

    /// <summary>Raised (under the lock) after a committed write; the fake's controller stand-ins react to it.</summary>
    public event Action<ObjectKey, JsonObject>? Committed;

    /// <summary>GET one object.</summary>
    public StoreResult Get(ObjectKey key)
    {
        lock (_lock)
        {
            return _objects.TryGetValue(key, out var stored) ? StoreResult.Ok(stored.Object) : StoreResult.Fail(ApiStatus.NotFound(key.Type, key.Name));
        }
    }

    /// <summary>LIST objects of a resource, in one namespace or (null) across all, filtered by selectors.</summary>
    public JsonObject List(ResourceType type, string? @namespace, Func<JsonObject, bool> filter)
    {
        lock (_lock)
        {
            var items = new JsonArray();
            foreach (var (key, stored) in _objects.OrderBy(p => p.Key.Namespace, StringComparer.Ordinal).ThenBy(p => p.Key.Name, StringComparer.Ordinal))
            {
                if (key.Type == type && (@namespace is null || key.Namespace == @namespace) && filter(stored.Object))
                {
                    items.Add(stored.Object.DeepClone());
                }
            }

            return new JsonObject
            {
                ["kind"] = (_kinds.GetValueOrDefault(type) ?? "") + "List",
                ["apiVersion"] = type.ApiVersion,
                ["metadata"] = new JsonObject { ["resourceVersion"] = _resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                ["items"] = items,
            };
        }
    }

    /// <summary>DELETE one object; with <paramref name="dryRun"/> nothing is removed.</summary>
    public StoreResult Delete(ObjectKey key, bool dryRun)
    {
        lock (_lock)
        {
            if (!_objects.TryGetValue(key, out var stored))
            {
                return StoreResult.Fail(ApiStatus.NotFound(key.Type, key.Name));
            }

            if (!dryRun)
            {
                // Foreground/background propagation and finalizers are not modelled: the object goes at once.
                _objects.Remove(key);
                Publish("DELETED", key, stored.Object);
            }

            return StoreResult.Ok(stored.Object);
        }
    }

    /// <summary>DELETE a collection: every object of the resource in the namespace that <paramref name="filter"/> selects.</summary>
    public StoreResult DeleteCollection(ResourceType type, string? @namespace, Func<JsonObject, bool> filter, bool dryRun)
    {
        lock (_lock)
        {
            var list = List(type, @namespace, filter);
            if (!dryRun)
            {
                foreach (var item in list["items"]!.AsArray())
                {
                    var key = new ObjectKey(type, item!["metadata"]?["namespace"]?.GetValue<string>() ?? "", item["metadata"]!["name"]!.GetValue<string>());
                    Delete(key, dryRun: false);
                }
            }

            return new StoreResult(200, list);
        }
    }

    /// <summary>Changes an object's status as a controller would: a new resourceVersion and a MODIFIED event, no new generation.</summary>
    public bool MutateStatus(ObjectKey key, Action<JsonObject> mutate)
    {
        lock (_lock)
        {
            if (!_objects.TryGetValue(key, out var stored))
            {
                return false;
            }

            var obj = (JsonObject)stored.Object.DeepClone();
            if (obj["status"] is not JsonObject status)
            {
                status = new JsonObject();
                obj["status"] = status;
            }

            mutate(status);
            Commit(key, obj, stored.Owners, "MODIFIED");
            return true;
        }
    }

    /// <summary>Stores <paramref name="obj"/> with a new resourceVersion, records the event and notifies watchers.</summary>
    private void Commit(ObjectKey key, JsonObject obj, IReadOnlyDictionary<string, FieldOwner> owners, string eventType)
    {
        _resourceVersion++;
        var metadata = (JsonObject)obj["metadata"]!;
        metadata["resourceVersion"] = _resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        metadata["managedFields"] = new JsonArray(owners.Values.Select(o => (JsonNode)o.ToManagedFieldsEntry()).ToArray());
        _objects[key] = new StoredObject(obj, owners);
        if (obj["kind"]?.GetValue<string>() is { Length: > 0 } kind)
        {
            _kinds[key.Type] = kind;
        }

        Publish(eventType, key, obj);
        Committed?.Invoke(key, (JsonObject)obj.DeepClone());
    }
}
