using System.ComponentModel.DataAnnotations;

namespace Gateway.Resources.ApiDefinitions;

/// <summary>An APIDefinition by namespace and name.</summary>
public sealed record ObjectReference
{
    /// <summary>The namespace (the tenant).</summary>
    [MaxLength(63)]
    public string? Namespace { get; init; }

    /// <summary>The object's name.</summary>
    [MaxLength(253)]
    public string? Name { get; init; }
}
