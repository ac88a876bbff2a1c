using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Gateway.Resources.Schema;

namespace Gateway.Resources.ApiDefinitions;

/// <summary>One route of an API: which requests (path, methods) go to which backends, with optional policy overrides.</summary>
[ValidationRule("!self.stripPrefix || self.path.type == 'PathPrefix'", "stripPrefix needs a PathPrefix path")]
public sealed record ApiRoute
{
    /// <summary>The route's key within the API; conflicts and status name it.</summary>
    [MaxLength(63)]
    [RegularExpression(ApiDefinitionPatterns.Dns1123Label)]
    public required string Name { get; init; }

    /// <summary>The path the request must match.</summary>
    public required RoutePath Path { get; init; }

    /// <summary>Methods the route accepts; empty means any method.</summary>
    [MaxLength(9)]
    [ListType("set")]
    public IReadOnlyList<HttpMethodName>? Methods { get; init; }

    /// <summary>Removes the matched prefix before forwarding; only with a <c>PathPrefix</c> path.</summary>
    [DefaultValue(false)]
    public bool? StripPrefix { get; init; }

    /// <summary>How long the upstream may take, as a Gateway API duration (<c>30s</c>).</summary>
    [RegularExpression(ApiDefinitionPatterns.Duration)]
    [MaxLength(32)]
    public string? Timeout { get; init; }

    /// <summary>Services in the same namespace that receive the traffic, split by weight.</summary>
    [MinLength(1)]
    [MaxLength(16)]
    [ValidationRule("self.exists(b, b.weight > 0)", "at least one backend needs a non-zero weight")]
    public required IReadOnlyList<BackendRef> Backends { get; init; }

    /// <summary>Authentication for this route; overrides the API's.</summary>
    public AuthPolicy? Auth { get; init; }

    /// <summary>Rate limit for this route; overrides the API's.</summary>
    public RateLimitPolicy? RateLimit { get; init; }
}
