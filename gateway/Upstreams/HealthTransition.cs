namespace Gateway.Upstreams;

/// <summary>What one health check result did to an endpoint's state.</summary>
public enum HealthTransition
{
    /// <summary>Its state stayed as it was.</summary>
    None,

    /// <summary>It failed its threshold of checks in a row and gets no new requests.</summary>
    BecameUnhealthy,

    /// <summary>It passed its threshold of checks in a row and gets requests again.</summary>
    BecameHealthy,
}
