using System.Text.Json.Nodes;

namespace Gateway.Infra.Apply;

/// <summary>One changed field between the live object and the applied (or dry-run) result.</summary>
/// <param name="Path">The field, for example <c>spec.replicas</c> or <c>metadata.labels["app.kubernetes.io/version"]</c>.</param>
/// <param name="Before">The live value; null when the field is new.</param>
/// <param name="After">The new value; null when the field goes away.</param>
public sealed record FieldChange(string Path, JsonNode? Before, JsonNode? After)
{
    private const int MaxValueLength = 60;

    /// <summary>One line of diff: <c>+ path: value</c>, <c>- path</c> or <c>~ path: old => new</c>.</summary>
    public string Render() => (Before, After) switch
    {
        (null, _) => $"+ {Path}: {Show(After)}",
        (_, null) => $"- {Path}",
        _ => $"~ {Path}: {Show(Before)} => {Show(After)}",
    };

    // Long values (a whole routes file in a ConfigMap) are cut, because the line is for a person to skim.
    private static string Show(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length <= MaxValueLength ? text : text[..(MaxValueLength - 1)] + "…";
    }
}
