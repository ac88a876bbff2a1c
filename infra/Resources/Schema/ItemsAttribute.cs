namespace Gateway.Resources.Schema;

/// <summary>Bounds the string items of a list property (<c>items: {minLength, maxLength, pattern}</c>).</summary>
/// <remarks>Data-annotation attributes on a list bound the list itself, so item bounds need an attribute of their own.</remarks>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ItemsAttribute : Attribute
{
    /// <summary>The shortest item, or 0 for no lower bound.</summary>
    public int MinLength { get; init; }

    /// <summary>The longest item; the apiserver's CEL cost estimate needs every string bounded.</summary>
    public int MaxLength { get; init; }

    /// <summary>An ECMA-262 regular expression every item matches, or null.</summary>
    public string? Pattern { get; init; }
}
