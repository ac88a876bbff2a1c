using System.Text.Json.Nodes;

namespace Gateway.Infra.Apply;

/// <summary>What the live ApplySet parent records: who manages the set, and which kinds and namespaces it has used.</summary>
/// <param name="Tooling">The tooling annotation, or null when absent.</param>
/// <param name="Id">The id label, or null when absent.</param>
/// <param name="GroupKinds">The recorded member kinds.</param>
/// <param name="AdditionalNamespaces">The recorded member namespaces besides the parent's.</param>
public sealed record ApplySetParent(string? Tooling, string? Id, IReadOnlySet<string> GroupKinds, IReadOnlySet<string> AdditionalNamespaces)
{
    /// <summary>The state before the first <c>up</c>: nothing recorded.</summary>
    public static ApplySetParent None { get; } = new(null, null, new HashSet<string>(), new HashSet<string>());

    /// <summary>True when another tool manages this set, which the KEP says must not be changed.</summary>
    public bool BelongsToOtherTool => Tooling is not null && !Tooling.StartsWith(ApplySet.ToolName + "/", StringComparison.Ordinal);

    /// <summary>Reads the parent's labels and annotations.</summary>
    public static ApplySetParent From(JsonObject live)
    {
        var annotations = live["metadata"]?["annotations"] as JsonObject;
        return new ApplySetParent(
            annotations?[ApplySet.ToolingAnnotation]?.GetValue<string>(),
            live["metadata"]?["labels"]?[ApplySet.IdLabel]?.GetValue<string>(),
            Split(annotations?[ApplySet.GroupKindsAnnotation]?.GetValue<string>()),
            Split(annotations?[ApplySet.AdditionalNamespacesAnnotation]?.GetValue<string>()));
    }

    private static HashSet<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
