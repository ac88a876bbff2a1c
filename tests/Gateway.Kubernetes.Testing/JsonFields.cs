using System.Text.Json.Nodes;

namespace Gateway.Kubernetes.Testing;

/// <summary>
/// Field paths over JSON objects, the coarse unit of ownership in the fake's server-side apply. A leaf is a scalar, an array
/// (lists are owned whole, unlike the real server's per-key list ownership) or an empty object.
/// </summary>
internal static class JsonFields
{
    /// <summary>Separates path segments in a key; label keys contain dots and slashes, so neither can be the separator.</summary>
    public const char Separator = '\u001f';

    /// <summary>Every leaf under <paramref name="root"/> as (key, value).</summary>
    public static IEnumerable<(string Key, JsonNode? Value)> Leaves(JsonObject root)
    {
        foreach (var (name, value) in root)
        {
            if (value is JsonObject child && child.Count > 0)
            {
                foreach (var (key, leaf) in Leaves(child))
                {
                    yield return (name + Separator + key, leaf);
                }
            }
            else
            {
                yield return (name, value);
            }
        }
    }

    /// <summary>The value at <paramref name="key"/>, or null when any segment is missing.</summary>
    public static JsonNode? At(JsonObject root, string key)
    {
        JsonNode? node = root;
        foreach (var segment in key.Split(Separator))
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(segment, out node))
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>Sets a copy of <paramref name="value"/> at <paramref name="key"/>, creating intermediate objects.</summary>
    public static void Set(JsonObject root, string key, JsonNode? value)
    {
        var segments = key.Split(Separator);
        var obj = root;
        foreach (var segment in segments[..^1])
        {
            if (obj[segment] is not JsonObject child)
            {
                child = new JsonObject();
                obj[segment] = child;
            }

            obj = child;
        }

        obj[segments[^1]] = value?.DeepClone();
    }

    /// <summary>Removes the leaf at <paramref name="key"/> and any parent objects it leaves empty.</summary>
    public static void Remove(JsonObject root, string key)
    {
        var segments = key.Split(Separator);
        var chain = new List<JsonObject> { root };
        foreach (var segment in segments[..^1])
        {
            if (chain[^1][segment] is not JsonObject child)
            {
                return;
            }

            chain.Add(child);
        }

        chain[^1].Remove(segments[^1]);
        for (var i = chain.Count - 1; i > 0 && chain[i].Count == 0; i--)
        {
            chain[i - 1].Remove(segments[i - 1]);
        }
    }

    /// <summary>Renders a key as the server prints field paths in conflicts: <c>.data.key</c>.</summary>
    public static string Display(string key) => "." + key.Replace(Separator, '.');

    /// <summary>Builds a <c>fieldsV1</c> map (<c>{"f:data":{"f:key":{}}}</c>) from owned keys.</summary>
    public static JsonObject FieldsV1(IEnumerable<string> keys)
    {
        var root = new JsonObject();
        foreach (var key in keys.Order(StringComparer.Ordinal))
        {
            var obj = root;
            foreach (var segment in key.Split(Separator))
            {
                if (obj["f:" + segment] is not JsonObject child)
                {
                    child = new JsonObject();
                    obj["f:" + segment] = child;
                }

                obj = child;
            }
        }

        return root;
    }

    /// <summary>
    /// Reads an integer whether the node came from parsed JSON or from C# code (where <c>GetValue&lt;long&gt;</c> on an
    /// <c>int</c> value throws); null when the node is missing or not a number.
    /// </summary>
    public static long? AsInt64(JsonNode? node) => node is JsonValue value
        ? value.TryGetValue<long>(out var l) ? l : value.TryGetValue<int>(out var i) ? i : null
        : null;

    /// <summary>RFC 7386 JSON merge patch: objects merge recursively, null deletes, anything else replaces.</summary>
    public static void MergePatch(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch)
        {
            if (value is null)
            {
                target.Remove(name);
            }
            else if (value is JsonObject patchChild)
            {
                if (target[name] is not JsonObject targetChild)
                {
                    targetChild = new JsonObject();
                    target[name] = targetChild;
                }

                MergePatch(targetChild, patchChild);
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }
    }
}
