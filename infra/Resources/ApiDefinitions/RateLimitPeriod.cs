namespace Gateway.Resources.ApiDefinitions;

/// <summary>The period of a rate limit; member names are the wire values.</summary>
public enum RateLimitPeriod
{
    /// <summary>Per second.</summary>
    Second,

    /// <summary>Per minute.</summary>
    Minute,

    /// <summary>Per hour.</summary>
    Hour,
}
