using System.ComponentModel.DataAnnotations;
using Gateway.Resources.Schema;
using k8s.Models;

namespace Gateway.Resources.ApiDefinitions;

/// <summary>What the controller observed: conditions (<c>Accepted</c>, <c>ResolvedRefs</c>, <c>Programmed</c>, <c>PartiallyInvalid</c>) and lost claims.</summary>
public sealed record ApiDefinitionStatus
{
    /// <summary>The <c>metadata.generation</c> this status describes.</summary>
    [Minimum(0)]
    public long? ObservedGeneration { get; init; }

    /// <summary>The conditions, one per type; <see cref="ApiDefinitionConditions"/> names them.</summary>
    [MaxLength(8)]
    [ListType("map", "type")]
    public IReadOnlyList<V1Condition>? Conditions { get; init; }

    /// <summary>Claims this object lost to an older one, bounded so a noisy tenant cannot grow the object without limit.</summary>
    [MaxLength(16)]
    public IReadOnlyList<ConflictReport>? Conflicts { get; init; }
}
