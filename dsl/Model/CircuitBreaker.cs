using System;

namespace Gateway.Dsl.Model;

/// <summary>An upstream's circuit breaker: <c>breaker 50% of 20 in 30s break 10s</c>.</summary>
/// <remarks>The breaker opens when, within <see cref="SamplingDuration"/>, at least <see cref="MinimumThroughput"/>
/// attempts were made and at least <see cref="FailurePercent"/> percent of them failed. While open, the upstream's
/// requests are answered 503 without reaching an endpoint; after <see cref="BreakDuration"/> one trial attempt decides
/// whether it closes or opens again.</remarks>
public sealed record CircuitBreaker
{
    /// <summary>The share of failed attempts, in whole percent from 1 to 100, that opens the breaker.</summary>
    public required int FailurePercent { get; init; }

    /// <summary>The fewest attempts within the window for the share to count, at least 2.</summary>
    public required int MinimumThroughput { get; init; }

    /// <summary>The window over which attempts are counted.</summary>
    public required TimeSpan SamplingDuration { get; init; }

    /// <summary>How long the breaker stays open before a trial attempt.</summary>
    public required TimeSpan BreakDuration { get; init; }

    /// <summary>The 1-based line of the <c>breaker</c> directive.</summary>
    public required int Line { get; init; }
}
