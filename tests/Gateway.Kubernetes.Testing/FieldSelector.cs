using System.Text.Json.Nodes;

namespace Gateway.Kubernetes.Testing;

/// <summary>
/// The field selectors every resource supports on a real server: <c>metadata.name</c> and <c>metadata.namespace</c>, with
/// <c>=</c>, <c>==</c> or <c>!=</c>. Other fields are rejected so that a test never silently relies on an unsupported one.
/// </summary>
internal static class FieldSelector
{
    /// <summary>Parses <paramref name="text"/> into a predicate, or returns an error message.</summary>
    public static (Func<JsonObject, bool>? Match, string? Error) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (_ => true, null);
        }

        var terms = new List<Func<JsonObject, bool>>();
        foreach (var term in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var negate = term.Contains("!=", StringComparison.Ordinal);
            var parts = term.Split(negate ? "!=" : "=", 2);
            var field = parts[0].Trim();
            var value = parts.Length > 1 ? parts[1].TrimStart('=').Trim() : "";
            if (field is not ("metadata.name" or "metadata.namespace"))
            {
                return (null, $"field label not supported by the fake API server: {field}");
            }

            var property = field["metadata.".Length..];
            terms.Add(obj => (obj["metadata"]?[property]?.GetValue<string>() ?? "") == value != negate);
        }

        return (obj => terms.All(t => t(obj)), null);
    }
}
