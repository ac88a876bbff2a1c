using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gateway.Resources.ApiDefinitions;

/// <summary>API-key authentication: the header to read and the Secret holding the valid keys.</summary>
public sealed record ApiKeyAuth
{
    /// <summary>The request header that carries the key.</summary>
    [MaxLength(256)]
    [DefaultValue("X-API-Key")]
    public string? Header { get; init; }

    /// <summary>The Secret, in the APIDefinition's namespace, that holds the keys.</summary>
    public required SecretReference SecretRef { get; init; }
}
