using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gateway.Resources.ApiDefinitions;

/// <summary>A Service port in the APIDefinition's own namespace that receives a share of a route's traffic.</summary>
/// <remarks>No namespace field in v1alpha1: cross-namespace backends would need a grant object (Gateway API ReferenceGrant).</remarks>
public sealed record BackendRef
{
    /// <summary>The Service name.</summary>
    [MinLength(1)]
    [MaxLength(63)]
    [RegularExpression(ApiDefinitionPatterns.Dns1035Label)]
    public required string Service { get; init; }

    /// <summary>The Service port number.</summary>
    [Range(1, 65535)]
    public required int Port { get; init; }

    /// <summary>The share of traffic relative to the other backends; 0 drains this backend.</summary>
    [Range(0, 1000000)]
    [DefaultValue(1)]
    public int? Weight { get; init; }
}
