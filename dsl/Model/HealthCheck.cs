using System;

namespace Gateway.Dsl.Model;

/// <summary>An upstream's active health check: <c>health GET /healthz every 5s timeout 1s healthy 2 unhealthy 3</c>.</summary>
/// <remarks>Each endpoint is asked on its own every <see cref="Interval"/>; a 2xx or 3xx answer within
/// <see cref="Timeout"/> is a pass, anything else (another status, no answer, a connection that fails, bytes that are not
/// HTTP) a failure. <see cref="UnhealthyThreshold"/> failures in a row take the endpoint out of the balancer,
/// <see cref="HealthyThreshold"/> passes in a row bring it back.</remarks>
public sealed record HealthCheck
{
    /// <summary>The method: <c>GET</c> or <c>HEAD</c>.</summary>
    public required string Method { get; init; }

    /// <summary>The path (and query) asked of each endpoint, starting with <c>/</c>.</summary>
    public required string Path { get; init; }

    /// <summary>How often each endpoint is asked.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one check may take before it counts as a failure.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Passes in a row that make an unhealthy endpoint healthy.</summary>
    public int HealthyThreshold { get; init; } = 2;

    /// <summary>Failures in a row that make a healthy endpoint unhealthy.</summary>
    public int UnhealthyThreshold { get; init; } = 3;

    /// <summary>The 1-based line of the <c>health</c> directive.</summary>
    public required int Line { get; init; }
}
