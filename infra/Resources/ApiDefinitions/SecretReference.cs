using System.ComponentModel.DataAnnotations;

namespace Gateway.Resources.ApiDefinitions;

/// <summary>A Secret in the same namespace, by name; a namespace field would let one tenant read another's keys.</summary>
public sealed record SecretReference
{
    /// <summary>The Secret's name.</summary>
    [MaxLength(253)]
    public required string Name { get; init; }
}
