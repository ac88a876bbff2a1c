using System.Globalization;
using System.Text.Json.Nodes;

namespace Gateway.Kubernetes.Testing;

/// <summary>Server-side apply, create, replace and merge patch.</summary>
internal sealed partial class ObjectStore
{
    // Identity and server-set fields: never owned by a manager, never part of a conflict (as on the real server).
    private static readonly HashSet<string> UnownedKeys =
    [
        "apiVersion", "kind",
        Key("metadata", "name"), Key("metadata", "namespace"), Key("metadata", "uid"), Key("metadata", "resourceVersion"),
        Key("metadata", "generation"), Key("metadata", "creationTimestamp"), Key("metadata", "managedFields"),
        Key("metadata", "deletionTimestamp"), Key("metadata", "selfLink"),
    ];

    /// <summary>
    /// Server-side apply of <paramref name="body"/> by <paramref name="manager"/>, with the real server's ownership rules in
    /// coarse form: a leaf another manager owns and this apply changes is a conflict unless <paramref name="force"/>; fields
    /// this manager applied before and no longer applies are removed unless someone else owns them.
    /// </summary>
    public StoreResult Apply(ObjectKey key, string subresource, JsonObject body, string manager, bool force, bool dryRun)
    {
        lock (_lock)
        {
            _objects.TryGetValue(key, out var existing);
            if (existing is null && subresource.Length > 0)
            {
                return StoreResult.Fail(ApiStatus.NotFound(key.Type, key.Name));
            }

            var applied = OwnedLeaves(body, subresource);
            var current = existing is null ? NewObject(key, body) : (JsonObject)existing.Object.DeepClone();
            var owners = existing is null ? new Dictionary<string, FieldOwner>() : new Dictionary<string, FieldOwner>(existing.Owners);
            var ownerKey = StoredObject.OwnerKey(manager, subresource);

            // 1. Conflicts: another manager owns a leaf and this apply would change its value.
            var conflicts = new List<(FieldOwner Owner, string Key)>();
            foreach (var (otherKey, other) in owners.Where(o => o.Key != ownerKey))
            {
                foreach (var (leaf, value) in applied)
                {
                    if (other.Keys.Contains(leaf) && !JsonNode.DeepEquals(JsonFields.At(current, leaf), value))
                    {
                        conflicts.Add((other, leaf));
                    }
                }
            }

            if (conflicts.Count > 0 && !force)
            {
                return StoreResult.Fail(ConflictStatus(conflicts));
            }

            // 2. Forced: the other managers lose the contested leaves.
            foreach (var group in conflicts.GroupBy(c => StoredObject.OwnerKey(c.Owner.Manager, c.Owner.Subresource)))
            {
                var remaining = owners[group.Key].Keys.Except(group.Select(c => c.Key)).ToHashSet();
                owners[group.Key] = owners[group.Key] with { Keys = remaining };
            }

            // 3. Fields this manager stopped applying go away unless another manager still owns them.
            var previous = owners.TryGetValue(ownerKey, out var mine) ? mine.Keys : new HashSet<string>();
            foreach (var dropped in previous.Except(applied.Keys))
            {
                if (!owners.Any(o => o.Key != ownerKey && o.Value.Keys.Contains(dropped)))
                {
                    JsonFields.Remove(current, dropped);
                }
            }

            // 4. Merge the applied leaves and record ownership.
            foreach (var (leaf, value) in applied)
            {
                JsonFields.Set(current, leaf, value);
            }

            var apiVersion = body["apiVersion"]?.GetValue<string>() ?? key.Type.ApiVersion;
            owners[ownerKey] = new FieldOwner(manager, "Apply", apiVersion, subresource, applied.Keys.ToHashSet());
            foreach (var empty in owners.Where(o => o.Value.Keys.Count == 0).Select(o => o.Key).ToList())
            {
                owners.Remove(empty);
            }

            return Write(key, existing, current, owners, dryRun);
        }
    }

    /// <summary>POST: creates the object; 409 AlreadyExists when it is there. The writer becomes an Update owner of every leaf.</summary>
    public StoreResult Create(ObjectKey key, JsonObject body, string? manager, bool dryRun)
    {
        lock (_lock)
        {
            if (_objects.ContainsKey(key))
            {
                return StoreResult.Fail(ApiStatus.AlreadyExists(key.Type, key.Name));
            }

            var current = NewObject(key, body);
            foreach (var (leaf, value) in OwnedLeaves(body, ""))
            {
                JsonFields.Set(current, leaf, value);
            }

            return Write(key, null, current, UpdateOwner(manager, "", body, current), dryRun);
        }
    }

    /// <summary>PUT: replaces the object (or its status); 409 Conflict when the body's resourceVersion is stale.</summary>
    public StoreResult Replace(ObjectKey key, string subresource, JsonObject body, string? manager, bool dryRun)
    {
        lock (_lock)
        {
            if (!_objects.TryGetValue(key, out var existing))
            {
                return StoreResult.Fail(ApiStatus.NotFound(key.Type, key.Name));
            }

            var sent = body["metadata"]?["resourceVersion"]?.GetValue<string>();
            var live = existing.Object["metadata"]!["resourceVersion"]!.GetValue<string>();
            if (!string.IsNullOrEmpty(sent) && sent != live)
            {
                return StoreResult.Fail(ApiStatus.Failure(409, "Conflict",
                    $"Operation cannot be fulfilled on {key.Type.Resource} \"{key.Name}\": the object has been modified; please apply your changes to the latest version and try again"));
            }

            var current = (JsonObject)existing.Object.DeepClone();
            if (subresource == "status")
            {
                current["status"] = body["status"]?.DeepClone();
            }
            else
            {
                var status = current["status"]?.DeepClone();
                current = NewObject(key, body, (JsonObject)current["metadata"]!);
                foreach (var (leaf, value) in OwnedLeaves(body, ""))
                {
                    JsonFields.Set(current, leaf, value);
                }

                current["status"] = status;
            }

            var owners = new Dictionary<string, FieldOwner>(existing.Owners);
            foreach (var (k, v) in UpdateOwner(manager, subresource, body, current))
            {
                owners[k] = v;
            }

            return Write(key, existing, current, owners, dryRun);
        }
    }

    /// <summary>JSON merge patch of the object or its status (strategic merge patch is treated the same way).</summary>
    public StoreResult MergePatch(ObjectKey key, string subresource, JsonObject patch, string? manager, bool dryRun)
    {
        lock (_lock)
        {
            if (!_objects.TryGetValue(key, out var existing))
            {
                return StoreResult.Fail(ApiStatus.NotFound(key.Type, key.Name));
            }

            var current = (JsonObject)existing.Object.DeepClone();
            if (subresource == "status")
            {
                patch = new JsonObject { ["status"] = patch["status"]?.DeepClone() };
            }

            JsonFields.MergePatch(current, patch);
            var owners = new Dictionary<string, FieldOwner>(existing.Owners);
            foreach (var (k, v) in UpdateOwner(manager, subresource, patch, current))
            {
                owners[k] = v;
            }

            return Write(key, existing, current, owners, dryRun);
        }
    }

    /// <summary>
    /// Commits <paramref name="current"/> unless nothing changed (a no-op write keeps its resourceVersion, as on the real
    /// server) or <paramref name="dryRun"/> is set (the result is returned but not stored and no event is sent).
    /// </summary>
    private StoreResult Write(ObjectKey key, StoredObject? existing, JsonObject current, Dictionary<string, FieldOwner> owners, bool dryRun)
    {
        var ownersChanged = existing is null || existing.Owners.Count != owners.Count
            || owners.Any(o => !existing.Owners.TryGetValue(o.Key, out var old) || !old.Keys.SetEquals(o.Value.Keys));
        if (existing is not null && !ownersChanged && JsonNode.DeepEquals(current, existing.Object))
        {
            return StoreResult.Ok(existing.Object);
        }

        var metadata = (JsonObject)current["metadata"]!;
        if (existing is null)
        {
            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            metadata["generation"] = 1L;
        }
        else if (!JsonNode.DeepEquals(WithoutMetadataAndStatus(current), WithoutMetadataAndStatus(existing.Object)))
        {
            // The generation counts changes to the desired state (spec, data, rules…), not to metadata or status.
            metadata["generation"] = (JsonFields.AsInt64(existing.Object["metadata"]?["generation"]) ?? 0) + 1;
        }

        if (dryRun)
        {
            metadata["managedFields"] = new JsonArray(owners.Values.Select(o => (JsonNode)o.ToManagedFieldsEntry()).ToArray());
            return new StoreResult(existing is null ? 201 : 200, current);
        }

        Commit(key, current, owners, existing is null ? "ADDED" : "MODIFIED");
        return new StoreResult(existing is null ? 201 : 200, (JsonObject)current.DeepClone());
    }

    /// <summary>The leaves a write sets, restricted to the status for the status subresource and to everything else otherwise.</summary>
    private static Dictionary<string, JsonNode?> OwnedLeaves(JsonObject body, string subresource)
    {
        var leaves = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (leaf, value) in JsonFields.Leaves(body))
        {
            var isStatus = leaf == "status" || leaf.StartsWith("status" + JsonFields.Separator, StringComparison.Ordinal);
            if (!UnownedKeys.Contains(leaf) && isStatus == (subresource == "status"))
            {
                leaves[leaf] = value;
            }
        }

        return leaves;
    }

    private static Dictionary<string, FieldOwner> UpdateOwner(string? manager, string subresource, JsonObject body, JsonObject current)
    {
        // Without a fieldManager the real server derives one from the user agent; the fake leaves such writes unowned.
        if (string.IsNullOrEmpty(manager))
        {
            return [];
        }

        var keys = OwnedLeaves(body, subresource).Keys.Where(k => JsonFields.At(current, k) is not null).ToHashSet();
        var apiVersion = current["apiVersion"]?.GetValue<string>() ?? "";
        return new() { [StoredObject.OwnerKey(manager, subresource)] = new FieldOwner(manager, "Update", apiVersion, subresource, keys) };
    }

    private static JsonObject NewObject(ObjectKey key, JsonObject body, JsonObject? keepMetadata = null)
    {
        var metadata = keepMetadata is null ? new JsonObject() : (JsonObject)keepMetadata.DeepClone();
        metadata["name"] = key.Name;
        if (key.Namespace.Length > 0)
        {
            metadata["namespace"] = key.Namespace;
        }

        if (keepMetadata is not null)
        {
            // A replace sets labels and annotations from the body, like everything else it carries.
            metadata.Remove("labels");
            metadata.Remove("annotations");
        }

        return new JsonObject
        {
            ["apiVersion"] = body["apiVersion"]?.DeepClone() ?? key.Type.ApiVersion,
            ["kind"] = body["kind"]?.DeepClone(),
            ["metadata"] = metadata,
        };
    }

    private static JsonObject WithoutMetadataAndStatus(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy.Remove("metadata");
        copy.Remove("status");
        return copy;
    }

    /// <summary>The 409 the real server sends for apply conflicts: one cause per field, naming the manager.</summary>
    private static JsonObject ConflictStatus(List<(FieldOwner Owner, string Key)> conflicts)
    {
        var causes = new JsonArray(conflicts.Select(c => (JsonNode)new JsonObject
        {
            ["reason"] = "FieldManagerConflict",
            ["message"] = $"conflict with \"{c.Owner.Manager}\" using {c.Owner.ApiVersion}",
            ["field"] = JsonFields.Display(c.Key),
        }).ToArray());
        var lines = conflicts.Select(c => $"conflict with \"{c.Owner.Manager}\" using {c.Owner.ApiVersion}: {JsonFields.Display(c.Key)}");
        var noun = conflicts.Count == 1 ? "conflict" : "conflicts";
        return ApiStatus.Failure(409, "Conflict", $"Apply failed with {conflicts.Count} {noun}: {string.Join("\n", lines)}",
            new JsonObject { ["causes"] = causes });
    }

    private static string Key(params string[] segments) => string.Join(JsonFields.Separator, segments);
}
