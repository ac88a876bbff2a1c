using System.ComponentModel.DataAnnotations;
using Gateway.Resources.Schema;

namespace Gateway.Resources.ApiDefinitions;

/// <summary>The desired state of an <see cref="V1Alpha1APIDefinition"/>: hosts, API-wide defaults, and routes.</summary>
/// <remarks>There is no <c>tenant</c> field on purpose: the namespace is the tenant, and a field could be spoofed.</remarks>
public sealed record ApiDefinitionSpec
{
    /// <summary>Host names this API answers on; <c>*.example.com</c> claims every subdomain. Hosts belong to the first namespace that claims them.</summary>
    [MinLength(1)]
    [MaxLength(16)]
    [ListType("set")]
    [Items(MinLength = 1, MaxLength = 253, Pattern = ApiDefinitionPatterns.Hostname)]
    public required IReadOnlyList<string> Hosts { get; init; }

    /// <summary>Authentication for every route that has none of its own.</summary>
    public AuthPolicy? Auth { get; init; }

    /// <summary>Rate limit for every route that has none of its own.</summary>
    public RateLimitPolicy? RateLimit { get; init; }

    /// <summary>The routes, keyed by name so that server-side apply merges them one by one.</summary>
    [MinLength(1)]
    [MaxLength(64)]
    [ListType("map", "name")]
    public required IReadOnlyList<ApiRoute> Routes { get; init; }
}
