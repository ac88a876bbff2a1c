namespace Gateway.Resources.Schema;

/// <summary>Marks a list property with <c>x-kubernetes-list-type</c> (and map keys), which tells server-side apply how to merge it.</summary>
/// <remarks>
/// <c>set</c> merges items by value and <c>map</c> merges them by key, so two field managers can each own a route;
/// without it the list is <c>atomic</c> and one apply replaces it whole.
/// </remarks>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ListTypeAttribute : Attribute
{
    /// <summary>Marks a list as <c>set</c> (no <paramref name="mapKeys"/>) or <c>map</c> (keyed by <paramref name="mapKeys"/>).</summary>
    public ListTypeAttribute(string listType, params string[] mapKeys)
    {
        ListType = listType;
        MapKeys = mapKeys;
    }

    /// <summary><c>atomic</c>, <c>set</c> or <c>map</c>.</summary>
    public string ListType { get; }

    /// <summary>The item fields that identify an item of a <c>map</c> list.</summary>
    public IReadOnlyList<string> MapKeys { get; }
}
