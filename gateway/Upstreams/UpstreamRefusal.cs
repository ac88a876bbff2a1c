namespace Gateway.Upstreams;

/// <summary>Why an upstream did not try any endpoint for a request.</summary>
public enum UpstreamRefusal
{
    /// <summary>It did try one.</summary>
    None,

    /// <summary>It has no endpoint to try (none configured or discovered, or all passed over as unhealthy).</summary>
    NoEndpoint,

    /// <summary>The upstream already has its <c>max-concurrent</c> requests in flight.</summary>
    OverCapacity,

    /// <summary>Every endpoint fails its health checks and the upstream says <c>when-unhealthy 503</c>.</summary>
    AllUnhealthy,

    /// <summary>The upstream's circuit breaker (<c>breaker</c>) is open, or half-open with its one trial under way.</summary>
    BreakerOpen,
}
