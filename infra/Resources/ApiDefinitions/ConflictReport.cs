using System.ComponentModel.DataAnnotations;

namespace Gateway.Resources.ApiDefinitions;

/// <summary>One claim this object lost: which route, host or path, why, and which object won.</summary>
public sealed record ConflictReport
{
    /// <summary>The losing route's name, when a route lost.</summary>
    [MaxLength(63)]
    public string? Route { get; init; }

    /// <summary>The contested host.</summary>
    [MaxLength(253)]
    public string? Host { get; init; }

    /// <summary>The contested path.</summary>
    [MaxLength(1024)]
    public string? Path { get; init; }

    /// <summary>Whether the host or a route key was already taken.</summary>
    public ConflictReason? Reason { get; init; }

    /// <summary>The older object that keeps the claim.</summary>
    public ObjectReference? Winner { get; init; }
}
