using System;
using Gateway.Dsl.Collections;

namespace Gateway.Dsl.Model;

/// <summary>Everything a route does between matching and its action, after merging file defaults, <c>use</c> groups and
/// the route's own directives.</summary>
/// <remarks>The gateway builds its policy chain from this record once per table snapshot; the order in which the
/// policies run is fixed by the gateway (CORS, authentication, authorization, plugins, transforms), not by the file.</remarks>
public sealed record RoutePolicies
{
    /// <summary>No policy at all: the route matches and acts.</summary>
    public static readonly RoutePolicies None = new();

    /// <summary>Bearer-token validation, or null.</summary>
    public JwtSettings? Jwt { get; init; }

    /// <summary>API-key validation, or null.</summary>
    public ApiKeySettings? ApiKey { get; init; }

    /// <summary>External authorization through an HTTP service, or null.</summary>
    public ExternalAuthSettings? ExternalAuth { get; init; }

    /// <summary>Scope and claim requirements on the validated token; all must hold.</summary>
    public EquatableArray<ClaimRequirement> Requirements { get; init; } = EquatableArray<ClaimRequirement>.Empty;

    /// <summary>Headers set on the upstream request from the caller's identity (a claim, or the API-key consumer).</summary>
    public EquatableArray<IdentityHeader> IdentityHeaders { get; init; } = EquatableArray<IdentityHeader>.Empty;

    /// <summary>Cross-origin resource sharing, or null.</summary>
    public CorsSettings? Cors { get; init; }

    /// <summary>Changes to the request headers sent upstream, in order.</summary>
    public EquatableArray<HeaderEdit> RequestHeaders { get; init; } = EquatableArray<HeaderEdit>.Empty;

    /// <summary>Changes to the response headers sent to the client, in order.</summary>
    public EquatableArray<HeaderEdit> ResponseHeaders { get; init; } = EquatableArray<HeaderEdit>.Empty;

    /// <summary>How the upstream path is made from the request path, or null to forward it unchanged.</summary>
    public PathRewrite? Path { get; init; }

    /// <summary>Which <c>Host</c> header the upstream sees.</summary>
    public HostHeader? HostHeader { get; init; }

    /// <summary>The route's retries (<c>retry</c>), or null for the default: one more attempt on another endpoint after a
    /// connect failure, for idempotent methods.</summary>
    public RetryPolicy? Retry { get; init; }

    /// <summary>The request rate limit, or null.</summary>
    public RateLimit? RateLimit { get; init; }
    /// <summary>The most time the whole upstream exchange may take (<c>timeout</c>), from sending the request to the end of
    /// the response body; null for no bound beyond the gateway's inactivity timeout.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Policies written in C#, referenced by name, in file order.</summary>
    public EquatableArray<PluginCall> Plugins { get; init; } = EquatableArray<PluginCall>.Empty;

    /// <summary>Whether the route authenticates its callers in any way.</summary>
    public bool Authenticates => Jwt is not null || ApiKey is not null;
}
