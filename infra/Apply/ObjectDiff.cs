using System.Text.Json.Nodes;

namespace Gateway.Infra.Apply;

/// <summary>
/// Compares a live object with the server's answer to an apply, after removing what the server manages (status,
/// managedFields, resourceVersion, generation, uid, timestamps), so only the changes our apply makes are reported.
/// </summary>
public static class ObjectDiff
{
    private static readonly string[] ServerMetadata =
        ["managedFields", "resourceVersion", "generation", "uid", "creationTimestamp", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds"];

    // Annotations controllers write; a diff against them would report changes nobody asked for.
    private static readonly string[] ServerAnnotations = ["deployment.kubernetes.io/revision"];

    /// <summary>The changed fields from <paramref name="live"/> (null when absent) to <paramref name="result"/>.</summary>
    public static IReadOnlyList<FieldChange> Compare(JsonObject? live, JsonObject result)
    {
        var before = Leaves(Normalize(live ?? new JsonObject()));
        var after = Leaves(Normalize(result));
        var changes = new List<FieldChange>();
        foreach (var (path, value) in after)
        {
            if (!before.TryGetValue(path, out var old))
            {
                changes.Add(new FieldChange(path, null, value));
            }
            else if (!JsonNode.DeepEquals(old, value))
            {
                changes.Add(new FieldChange(path, old, value));
            }
        }

        changes.AddRange(before.Where(p => !after.ContainsKey(p.Key)).Select(p => new FieldChange(p.Key, p.Value, null)));
        return changes;
    }

    /// <summary>A copy of <paramref name="obj"/> without server-managed fields.</summary>
    public static JsonObject Normalize(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy.Remove("status");
        if (copy["metadata"] is JsonObject metadata)
        {
            foreach (var name in ServerMetadata)
            {
                metadata.Remove(name);
            }

            if (metadata["annotations"] is JsonObject annotations)
            {
                foreach (var name in ServerAnnotations)
                {
                    annotations.Remove(name);
                }

                if (annotations.Count == 0)
                {
                    metadata.Remove("annotations");
                }
            }
        }

        return copy;
    }

    /// <summary>Leaf values by display path, in document order; arrays are walked by index so a changed image shows as one line.</summary>
    private static Dictionary<string, JsonNode?> Leaves(JsonNode? node, string path = "", Dictionary<string, JsonNode?>? into = null)
    {
        into ??= new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                foreach (var (name, child) in obj)
                {
                    Leaves(child, path.Length == 0 ? name : Append(path, name), into);
                }

                break;
            case JsonArray array when array.Count > 0:
                for (var i = 0; i < array.Count; i++)
                {
                    Leaves(array[i], $"{path}[{i}]", into);
                }

                break;
            default:
                if (path.Length > 0)
                {
                    into[path] = node;
                }

                break;
        }

        return into;
    }

    // Keys with dots or slashes (label keys) are bracketed so the path stays unambiguous.
    private static string Append(string path, string name) =>
        name.AsSpan().IndexOfAny("./[]") >= 0 ? $"{path}[\"{name}\"]" : $"{path}.{name}";
}
