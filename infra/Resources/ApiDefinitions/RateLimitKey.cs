namespace Gateway.Resources.ApiDefinitions;

/// <summary>What a rate-limit bucket is keyed by; member names are the wire values.</summary>
public enum RateLimitKey
{
    /// <summary>The client's address.</summary>
    ClientIP,

    /// <summary>The API key the request authenticated with.</summary>
    APIKey,

    /// <summary>The value of a named request header.</summary>
    Header,
}
